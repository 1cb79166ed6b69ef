'use client';

import { solveChallenge } from 'altcha-lib/v1';
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
    const { promise, controller } = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber);
    promise
      .then((solution) => {
        if (!solution) return;
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
