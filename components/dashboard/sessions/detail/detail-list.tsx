import type { ReactNode } from 'react';

/** Label/value pairs; pairs whose value is empty are left out. */
export function DetailList({ items, testId }: { items: [label: string, value: ReactNode][]; testId?: string }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-[var(--ck-muted)]">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Address = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
};

/** An address on its lines, as the customer gave it. */
export function AddressLines({ address }: { address: Address | null | undefined }) {
  if (!address) return null;
  const lines = [
    address.line1,
    address.line2,
    [address.postal_code, address.city].filter(Boolean).join(' '),
    address.state,
    address.country,
  ].filter((l): l is string => Boolean(l));
  if (lines.length === 0) return null;
  return (
    <span className="block">
      {lines.map((l, i) => (
        <span key={i} className="block">
          {l}
        </span>
      ))}
    </span>
  );
}
