'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export type PowChallenge = { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string };

/**
 * After repeated declines the server asks each card attempt to carry a solved
 * proof-of-work (ALTCHA, self-hosted): solved here in the background, sent as
 * the hidden `altcha` field.
 */
export function ProofOfWork({ challenge }: { challenge: PowChallenge }) {
  const t = useTranslations('Card');
  const [payload, setPayload] = useState<string | null>(null);
  useEffect(() => {
    // Loaded only when a challenge is asked for: most customers never need the solver.
    const controller = new AbortController();
    import('altcha-lib/v1')
      .then(({ solveChallenge }) => {
        const solving = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber);
        controller.signal.addEventListener('abort', () => solving.controller.abort());
        return solving.promise;
      })
      .then((solution) => {
        if (!solution || controller.signal.aborted) return;
        const json = JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature });
        setPayload(btoa(json));
      })
      .catch(() => setPayload(null));
    return () => controller.abort();
  }, [challenge]);
  return payload ? (
    <input type="hidden" name="altcha" value={payload} />
  ) : (
    <p className="text-sm text-[var(--ck-muted)]" role="status">
      {t('checking')}
    </p>
  );
}
