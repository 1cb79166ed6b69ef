'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PreviewParams } from '@/lib/branding/account-branding';

/** The two widths customers see: a laptop and a 375 px phone. Drawn at half size to fit beside the form. */
const FRAMES = [
  { key: 'desktop', width: 1024, height: 760 },
  { key: 'phone', width: 375, height: 740 },
] as const;
const SCALE = 0.5;

function previewSrc(params: PreviewParams): string {
  const q = new URLSearchParams();
  // The fields are optional: an unset one is there as undefined.
  for (const [k, v] of Object.entries(params) as [string, string | undefined][]) if (v !== undefined) q.set(k, v);
  return `/dashboard/checkout-preview?${q}`;
}

/**
 * The real checkout page (rendered by /dashboard/checkout-preview) with the unsaved edits in
 * its query: the server resolves the theme with the checkout's own code, so contrast fixes show
 * exactly as customers will get them. Reloads a moment after the last edit, not on every keystroke.
 */
export function CheckoutPreviewFrames({ params }: { params: PreviewParams }) {
  const t = useTranslations('Dashboard.branding');
  const wanted = previewSrc(params);
  const [src, setSrc] = useState(wanted);
  useEffect(() => {
    if (wanted === src) return;
    const timer = setTimeout(() => {
      setSrc(wanted);
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [wanted, src]);
  return (
    <section aria-labelledby="preview-title" className="min-w-0">
      <h2 id="preview-title" className="mb-1 text-base font-semibold">
        {t('preview_title')}
      </h2>
      <p className="mb-3 text-sm text-[var(--ck-muted)]">{t('preview_hint')}</p>
      <div className="flex flex-wrap items-start gap-4 overflow-x-auto">
        {FRAMES.map((f) => (
          <figure key={f.key} className="shrink-0">
            <div
              className="overflow-hidden rounded border border-[var(--ck-border)]"
              style={{ width: f.width * SCALE, height: f.height * SCALE }}
            >
              <iframe
                src={src}
                title={t(`preview_${f.key}`)}
                data-testid={`preview-${f.key}`}
                tabIndex={-1}
                width={f.width}
                height={f.height}
                style={{ transform: `scale(${SCALE})`, transformOrigin: '0 0', border: 0 }}
              />
            </div>
            <figcaption className="mt-1 text-xs text-[var(--ck-muted)]">{t(`preview_${f.key}`)}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
