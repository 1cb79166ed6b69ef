'use client';

import type { SelectHTMLAttributes } from 'react';
import { useTranslations } from 'next-intl';

/** When a replaced key or signing secret stops working: now, in 1 hour, 24 hours or 7 days. */
export function ExpirySelect({ id, label, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string }) {
  const t = useTranslations('Dashboard.developers.expiry');
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2"
        {...select}
      >
        {(['now', '1h', '24h', '7d'] as const).map((v) => (
          <option key={v} value={v}>
            {t(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
