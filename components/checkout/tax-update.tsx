'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useEffect, useRef } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useInteractive } from './use-interactive';

/** The fields automatic tax reads (lib/checkout/tax-form.ts). */
const TAX_FIELDS = [
  'shipping.country',
  'shipping.state',
  'shipping.postal_code',
  'billing.country',
  'billing.state',
  'billing.postal_code',
  'tax_id.business',
  'tax_id.value',
] as const;

/** How long typing pauses before the total is priced again. */
const SETTLE_MS = 400;

/**
 * Automatic tax (and adaptive pricing's currency) follows the address and tax ID as they are typed: with
 * JavaScript, each change (once typing pauses) is sent to `action`, whose revalidation brings the new tax and
 * total; without it, an "Update total" button posts the form for the same (the pay action prices it and keeps
 * what was typed).
 */
export function TaxUpdate({
  control,
  action,
  shownTotal,
}: {
  control: Control<Record<string, unknown>, unknown, unknown>;
  action: (form: FormData) => Promise<void>;
  /** The total shown (lib/checkout/tax-inputs.ts shownTotalOf), posted with the payment so it is for this total. */
  shownTotal: string;
}) {
  const t = useTranslations('Tax');
  const interactive = useInteractive();
  const values: unknown[] = useWatch({ control, name: [...TAX_FIELDS] });
  const key = JSON.stringify(values);
  // The action as last rendered: each revalidation may bring a new function for the same action, which must not
  // send the same values again (that looped, an action per render, and the page never went quiet).
  const latestAction = useRef(action);
  useEffect(() => {
    latestAction.current = action;
  }, [action]);
  // What was last sent: the same values are priced once.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!interactive || sent.current === key) return;
    const timer = setTimeout(() => {
      sent.current = key;
      const form = new FormData();
      TAX_FIELDS.forEach((name, i) => {
        const v = values[i];
        if (typeof v === 'string' || typeof v === 'boolean') form.set(name, String(v));
      });
      startTransition(() => {
        void latestAction.current(form);
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
    };
    // `key` stands for `values`, whose array is new at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interactive, key]);
  const shown = <input type="hidden" name="shown_total" value={shownTotal} />;
  if (interactive) return shown;
  return (
    <>
      {shown}
      <button
        type="submit"
        name="intent"
        value="update_tax"
        formNoValidate
        className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] px-3 py-1.5 text-sm"
        data-testid="update-tax"
      >
        {t('updateTotal')}
      </button>
    </>
  );
}
