import type { Queryable } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { productsByIds, shippingRatesByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findPromotionCode } from '@/db/queries/promotion-codes';
import { sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { ownImageId } from '@/lib/images/images';
import { parseHttpUrl } from '@/lib/util/http-url';
import { AmountTooLargeError } from '@/lib/pricing/amount-limit';
import { unitAmountIn } from './pricing-input';
import { recurringAmount } from './recurring-amount';
import { presentView } from './present-view';
import { billingAddressAsked } from './confirm-config';
import { sameRateTogether } from './shown-taxes';

export type PageLine = {
  id: string;
  name: string;
  description: string | null;
  image: string | null;
  unitAmount: number | null;
  quantity: number;
  amountSubtotal: number;
  amountTotal: number;
  recurring: { interval: string; intervalCount: number } | null;
  adjustable: { minimum: number; maximum: number } | null;
  optional: boolean;
  selected: boolean;
};

export type PageShippingOption = {
  id: string;
  name: string;
  amount: number;
  estimate: { minimum: { unit: string; value: number } | null; maximum: { unit: string; value: number } | null } | null;
};

/**
 * Everything the hosted page shows, read in one place. Plain data: it crosses
 * from server to client components, and it never holds another account's rows.
 */
export async function loadPageView(db: Queryable, session: SessionRow, now = new Date()) {
  return presentView(await sessionPageView(db, session, now), session);
}

/** The page in the session's own currency. */
async function sessionPageView(db: Queryable, session: SessionRow, now: Date) {
  const accountId = session.accountId;
  const applied = session.discounts.at(0);
  // Everything but the products goes in one round: they need the lines first.
  const [account, rows, shippingMap, coupon, promo] = await Promise.all([
    getAccount(db, accountId),
    sessionLineItems(db, { accountId, sessionId: session.id, includeUnselected: true }),
    shippingRatesByIds(
      db,
      accountId,
      session.shippingOptions.map((o) => o.shipping_rate),
    ),
    applied ? findCoupon(db, { accountId, id: applied.coupon }) : null,
    applied?.promotion_code ? findPromotionCode(db, { accountId, id: applied.promotion_code }) : null,
  ]);
  const [products, taxRates] = await Promise.all([
    productsByIds(
      db,
      accountId,
      rows.map((r) => r.line.productId),
    ),
    taxRatesByIds(db, accountId, [
      ...rows.flatMap((r) => [...r.line.taxRateIds, ...r.line.taxes.map((t) => t.rate)]),
      ...(session.totalDetails?.breakdown.taxes.map((t) => t.rate) ?? []),
      ...(session.shippingCost?.taxes.map((t) => t.rate) ?? []),
    ]),
  ]);
  const currency = session.currency ?? 'usd';
  const lines: PageLine[] = rows.map(({ line, price }) => {
    const product = products.get(line.productId);
    const amount = unitAmountIn(price, currency);
    const aq = line.adjustableQuantity;
    return {
      id: line.id,
      name: product?.name ?? line.description ?? '',
      description: product?.description ?? null,
      image: product?.images[0] ?? null,
      unitAmount: amount?.unitAmount ?? (amount?.unitAmountDecimal ? Math.round(Number(amount.unitAmountDecimal)) : null),
      quantity: line.quantity,
      amountSubtotal: line.amountSubtotal,
      amountTotal: line.amountTotal,
      recurring: price.recurring ? { interval: price.recurring.interval, intervalCount: price.recurring.interval_count } : null,
      adjustable: aq?.enabled ? { minimum: aq.minimum ?? 0, maximum: aq.maximum ?? 99 } : null,
      optional: line.optional,
      selected: line.selected,
    };
  });
  const totals = session.totalDetails;
  const selected = rows.filter((r) => r.line.selected);
  const recurring = thenRecurring(() =>
    recurringAmount({
      currency,
      mode: session.mode,
      lines: selected.map(({ line, price }) => ({
        key: line.id,
        price,
        quantity: line.quantity,
        taxRates: line.taxRateIds.flatMap((id) => taxRates.get(id) ?? []),
      })),
      discount: applied && coupon ? { id: applied.id, coupon, promotionCodeId: applied.promotion_code } : null,
      subscriptionData: session.subscriptionData,
      now,
    }),
  );
  return {
    id: session.id,
    status: session.status,
    mode: session.mode,
    uiMode: session.uiMode,
    currency,
    locale: session.locale,
    submitType: session.submitType,
    livemode: session.livemode,
    merchant: merchantIdentity(account, session.brandingSettings),
    brandingSettings: session.brandingSettings,
    lines: lines.filter((l) => l.selected),
    optionalItems: lines.filter((l) => l.optional && !l.selected),
    totals: {
      subtotal: session.amountSubtotal ?? 0,
      discount: totals?.amount_discount ?? 0,
      shipping: totals?.amount_shipping ?? 0,
      tax: totals?.amount_tax ?? 0,
      total: session.amountTotal ?? 0,
    },
    /** Automatic tax: each rate with its amount (reverse charge and not collected included, at 0), or pending an address. */
    automaticTax: session.automaticTax.enabled
      ? {
          pending: session.automaticTax.status !== 'complete',
          taxes: sameRateTogether(
            (totals?.breakdown.taxes ?? []).flatMap((t) => {
              const rate = taxRates.get(t.rate);
              return rate
                ? [
                    {
                      rateId: rate.id,
                      taxType: rate.taxType ?? 'other',
                      percentage: rate.percentage,
                      amount: t.amount,
                      reason: rate.taxabilityReason,
                    },
                  ]
                : [];
            }),
          ),
        }
      : null,
    /** A subscription's charge per period from the next one on, priced by lib/pricing. */
    recurring,
    discount: coupon
      ? {
          code: promo?.code ?? null,
          name: coupon.name ?? coupon.id,
          percentOff: coupon.percentOff,
          amountOff: coupon.amountOff,
          fixedByMerchant: !promo,
        }
      : null,
    allowPromotionCodes: session.allowPromotionCodes === true,
    customerEmail: session.customerEmail ?? session.customerDetails?.email ?? null,
    emailLocked: session.customerEmail !== null || session.customerId !== null,
    phone: session.phoneNumberCollection.enabled,
    shippingCountries: session.shippingAddressCollection?.allowed_countries ?? null,
    billingAddress: billingAddressAsked(session),
    taxId: session.taxIdCollection.enabled,
    shippingOptions: session.shippingOptions.flatMap((o): PageShippingOption[] => {
      const rate = shippingMap.get(o.shipping_rate);
      return rate ? [{ id: rate.id, name: rate.displayName, amount: o.shipping_amount, estimate: rate.deliveryEstimate }] : [];
    }),
    selectedShippingRateId: session.shippingRateId,
    customFields: session.customFields satisfies CustomFieldView[],
    customText: session.customText,
    consentCollection: session.consentCollection,
    trialDays: session.subscriptionData?.trial_period_days ?? null,
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl && parseHttpUrl(session.cancelUrl) ? session.cancelUrl : null,
    returnUrl: session.returnUrl,
    recoveryUrl: session.afterExpiration?.recovery.url ?? null,
  };
}

/** Sessions stored before amounts were limited may be above it: they show no figure rather than fail. */
function thenRecurring(compute: () => ReturnType<typeof recurringAmount>) {
  try {
    const r = compute();
    return r ? { amount: r.result.amountTotal, interval: r.interval, intervalCount: r.intervalCount } : null;
  } catch (err) {
    if (err instanceof AmountTooLargeError) return null;
    throw err;
  }
}

type SessionBranding = { display_name?: string; logo?: { type: string; url?: string }; icon?: { type: string; url?: string } };

/**
 * Only https images are shown: a merchant string never becomes a script or a mixed-content load.
 * Images uploaded in the dashboard are served by Caisse itself, on whatever scheme it runs.
 */
const httpsOnly = (url: string | null | undefined) => (url && (/^https:\/\/[^\s"'<>]+$/.test(url) || ownImageId(url)) ? url : null);

/** Name, logo and icon shown on the page: the session's branding_settings over the account's. */
export function merchantIdentity(account: Awaited<ReturnType<typeof getAccount>>, branding: SessionBranding | null) {
  return {
    name: branding?.display_name || account?.displayName || account?.name || '',
    logoUrl: httpsOnly(branding?.logo?.url ?? account?.branding.logo_url),
    iconUrl: httpsOnly(branding?.icon?.url ?? account?.branding.icon_url),
    branding: account?.branding ?? {},
  };
}

export type CustomFieldView = {
  key: string;
  label: { custom: string };
  type: 'text' | 'numeric' | 'dropdown';
  optional: boolean;
  text?: { minimum_length: number | null; maximum_length: number | null; default_value: string | null };
  numeric?: { minimum_length: number | null; maximum_length: number | null; default_value: string | null };
  dropdown?: { options: { label: string; value: string }[]; default_value: string | null };
};

export type SessionPageView = Awaited<ReturnType<typeof sessionPageView>>;
export type PageView = Awaited<ReturnType<typeof loadPageView>>;
