'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Copies a text (a session's URL) to the clipboard and says so. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations('Dashboard.catalog.session');
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => {
            setCopied(true);
          });
        }}
      >
        {t('copy')}
      </Button>
      <span role="status" className="text-sm text-green-800">
        {copied ? t('copied') : ''}
      </span>
    </>
  );
}
