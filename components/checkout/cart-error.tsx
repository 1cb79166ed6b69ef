'use client';

import { useTranslations } from 'next-intl';
import type { CartError } from '@/lib/checkout/cart-actions';

/** Why a cart change (quantity, item, code, shipping) was refused, announced to screen readers. */
export function CartErrorMessage({ error, id, testId }: { error: CartError | null; id?: string; testId?: string }) {
  const t = useTranslations('Errors');
  return error ? (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700" data-testid={testId}>
      {t(`cart.${error}`)}
    </p>
  ) : null;
}
