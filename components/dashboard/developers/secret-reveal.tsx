'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** A secret shown this once (API key or signing secret), with a copy button; it is never shown again. */
export function SecretReveal({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const t = useTranslations('Dashboard.developers.secret');
  const [copied, setCopied] = useState(false);
  // The Clipboard API exists only in secure contexts; a self-hosted dashboard on plain http falls back to the selection.
  const copy = async () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard) await clipboard.writeText(secret);
    else {
      const input = document.getElementById('revealed-secret') as HTMLInputElement | null;
      input?.select();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to copy where the Clipboard API is missing (plain http)
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div role="status" className="space-y-2 rounded-[var(--ck-radius-control)] border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="revealed-secret" className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="revealed-secret"
          data-testid="revealed-secret"
          readOnly
          value={secret}
          onFocus={(e) => {
            e.currentTarget.select();
          }}
          className="min-w-0 flex-1 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 font-mono text-sm"
        />
        <Button
          variant="secondary"
          onClick={() => {
            void copy();
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
      <p className="text-sm text-amber-900">{t('once')}</p>
      <Button variant="secondary" onClick={onDone}>
        {t('done')}
      </Button>
    </div>
  );
}
