'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { brandName } from '@/lib/payments/card-brands';
import type { SavedCardView } from '@/lib/checkout/saved-cards';
import { PASS_CARD } from '@/lib/pass/pass-rules';

/** The form the remove buttons submit: rendered next to the pay form, never inside it (no card data goes with a removal). */
export const REMOVE_FORM_ID = 'saved-card-remove';

/**
 * The customer's saved cards, first and the first one chosen: plain radios named `saved_card`, so one click
 * pays without JavaScript too; "a new payment method" (an empty value) shows the card fields instead (PayForm's
 * CSS reads `.saved-card:checked`). Each card may carry a remove button for the form beside the pay form (not the
 * Caisse Pass's: it is the customer's, not the merchant's to remove).
 */
export function SavedCards({
  cards,
  register,
  chosen,
  removable,
}: {
  cards: SavedCardView[];
  register: UseFormRegister<FieldValues>;
  chosen: string;
  removable: boolean;
}) {
  const t = useTranslations('SavedCards');
  const option =
    'flex cursor-pointer items-center gap-3 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 has-[:checked]:border-[var(--ck-button)] has-[:checked]:ring-1 has-[:checked]:ring-[var(--ck-button)]';
  return (
    <fieldset className="space-y-2" data-testid="saved-cards">
      <legend className="mb-2 text-base font-semibold">{t('legend')}</legend>
      {cards.map((c) => {
        const label = t('card', { brand: brandName(c.brand), last4: c.last4 });
        const expiry = t('expires', { month: String(c.expMonth).padStart(2, '0'), year: String(c.expYear % 100).padStart(2, '0') });
        return (
          <div key={c.id} className="flex items-center gap-2" data-testid={`saved-card-${c.id}`}>
            <label htmlFor={`saved-${c.id}`} className={`${option} flex-1`}>
              <input
                id={`saved-${c.id}`}
                type="radio"
                className="saved-card"
                value={c.id}
                defaultChecked={chosen === c.id}
                {...register('saved_card')}
              />
              <span className="flex-1">{label}</span>
              <span className="text-sm text-[var(--ck-muted)]">{expiry}</span>
            </label>
            {removable && c.id !== PASS_CARD ? (
              <button
                type="submit"
                form={REMOVE_FORM_ID}
                name="payment_method"
                value={c.id}
                className="text-sm underline"
                aria-label={t('removeLabel', { card: label })}
              >
                {t('remove')}
              </button>
            ) : null}
          </div>
        );
      })}
      <label htmlFor="saved-new" className={option}>
        <input id="saved-new" type="radio" value="" defaultChecked={chosen === ''} {...register('saved_card')} />
        {t('newCard')}
      </label>
    </fieldset>
  );
}
