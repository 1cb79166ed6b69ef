'use client';

import type { Challenge } from 'altcha-lib';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export type PowChallenge = Challenge;

// Long enough for the hardest level on a slow phone; the server's challenge expires after ten minutes anyway.
const SOLVE_TIMEOUT_MS = 5 * 60_000;

/**
 * When an attempt looks automated the server asks it to carry a solved
 * proof-of-work (ALTCHA, self-hosted): solved here in the background, sent as
 * the hidden `altcha` field.
 */
export function ProofOfWork({ challenge }: { challenge: PowChallenge }) {
  const t = useTranslations('Card');
  const [payload, setPayload] = useState<string | null>(null);
  useEffect(() => {
    // Loaded only when a challenge is asked for: most customers never need the solver.
    const controller = new AbortController();
    Promise.all([import('altcha-lib'), import('altcha-lib/algorithms/web/pbkdf2')])
      .then(([{ solveChallenge }, { deriveKey }]) => solveChallenge({ challenge, deriveKey, controller, timeout: SOLVE_TIMEOUT_MS }))
      .then((solution) => {
        if (!solution || controller.signal.aborted) return;
        setPayload(btoa(JSON.stringify({ challenge, solution })));
      })
      .catch(() => {
        setPayload(null);
      });
    return () => {
      controller.abort();
    };
  }, [challenge]);
  return payload ? (
    <input type="hidden" name="altcha" value={payload} />
  ) : (
    <p className="text-sm text-[var(--ck-muted)]" role="status">
      {t('checking')}
    </p>
  );
}
