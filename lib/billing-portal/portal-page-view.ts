import 'server-only';
import type { Queryable } from '@/db/client';
import type { Address, PortalFlow } from '@/db/schema';
import { getAccount } from '@/db/queries/accounts';
import type { PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { findPortalConfiguration } from '@/db/queries/billing-portal-configurations';
import { findCustomer } from '@/db/queries/customers';
import { invoicesOfCustomer, paymentMethodsOfCustomer, subscriptionsOfCustomer } from '@/db/queries/dashboard-billing';
import { checkoutLocale, type MessageLocale } from '@/i18n/locales';
import { hostedInvoiceUrl, invoicePdfUrl } from '@/lib/billing/invoices/invoice-url';
import { isLive } from '@/lib/billing/subscriptions/cancel-subscription';
import { itemViews } from '@/lib/billing/subscription-reads';
import { mergeBranding, resolveTheme, type Theme } from '@/lib/branding/theme';
import { recurringAmount } from '@/lib/dashboard/subscription-summary';
import { env } from '@/lib/env';
import { formatAmount } from '@/lib/money/format';
import { brandName } from '@/lib/payments/card-brands';
import { openPortalSession } from './open-portal-session';
import { editableContactFields, type PortalContactField } from './portal-contact';
import { planOptions, type PortalPlanOption } from './portal-plan-switch';

/** How many subscriptions and invoices the portal lists (newest first). */
const SHOWN = 50;

/** A saved card; `brand` as people write it ("Mastercard"). */
export type PortalCardView = { id: string; brand: string; last4: string; expMonth: number; expYear: number; isDefault: boolean };
export type PortalSubscriptionView = {
  id: string;
  status: string;
  /** What it bills per period, formatted in the page's language; null with no priced item. */
  amount: string | null;
  interval: string | null;
  intervalCount: number;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** The plans it may switch to (features.subscription_update); empty when none. */
  switchTo: PortalPlanOption[];
};
export type PortalInvoiceView = {
  id: string;
  number: string | null;
  created: Date;
  amount: string;
  status: string;
  hostedUrl: string;
  pdfUrl: string;
};

/** What the portal page at /p/{session}/{token} shows: plain data, read for the session's customer only. */
export type PortalPageView = {
  locale: MessageLocale;
  livemode: boolean;
  merchantName: string;
  theme: Theme;
  returnUrl: string | null;
  customer: { name: string | null; email: string | null; phone: string | null; address: Address | null };
  /** The contact fields the customer may change here (features.customer_update), or none. */
  contactEdits: PortalContactField[];
  /** Set only for what the configuration's features enable. */
  cards: PortalCardView[] | null;
  /** The customer's live subscriptions, always shown; changing them depends on the features. */
  subscriptions: PortalSubscriptionView[];
  canCancel: boolean;
  /** features.subscription_cancel.mode=immediately: "Cancel" ends a subscription now, after a confirmation. */
  cancelNow: boolean;
  /** The reasons offered on that confirmation (cancellation_reason.options), or null when not asked. */
  cancelReasons: string[] | null;
  invoices: PortalInvoiceView[] | null;
  /** The flow the session was created for (flow_data): the page opens on its screen (flow-screen.tsx). */
  flow: PortalFlow | null;
};

/** The page of a portal session already opened (openPortalSession): null when its customer or account is gone. */
export async function portalPageOf(
  db: Queryable,
  session: PortalSessionRow,
  acceptLanguage: string | null,
): Promise<PortalPageView | null> {
  const { accountId, customerId } = session;
  const [account, customer, config] = await Promise.all([
    getAccount(db, accountId),
    findCustomer(db, { accountId, id: customerId }),
    findPortalConfiguration(db, { accountId, id: session.configurationId }),
  ]);
  if (!account || !customer || !config) return null;
  const locale = checkoutLocale(session.locale, acceptLanguage, account.defaultLocale);
  const f = config.features;
  const [methods, subs, invoices] = await Promise.all([
    f.payment_method_update.enabled ? paymentMethodsOfCustomer(db, { accountId, customerId }) : null,
    subscriptionsOfCustomer(db, { accountId, customerId, limit: SHOWN }),
    f.invoice_history.enabled ? invoicesOfCustomer(db, { accountId, customerId, limit: SHOWN }) : null,
  ]);
  const live = subs.filter(isLive);
  const views = await itemViews(db, accountId, live);
  const switchTo = await Promise.all(
    live.map((s) =>
      planOptions(
        db,
        f,
        s,
        (views.get(s.id) ?? []).map((v) => v.item),
        locale,
      ),
    ),
  );
  const appUrl = env().APP_URL;
  return {
    locale,
    livemode: session.livemode,
    merchantName: account.displayName ?? account.name,
    theme: resolveTheme(mergeBranding(account.branding, null)),
    returnUrl: session.returnUrl,
    flow: session.flow,
    customer: { name: customer.name, email: customer.email, phone: customer.phone, address: customer.address },
    contactEdits: f.customer_update.enabled ? editableContactFields(f.customer_update.allowed_updates) : [],
    cards: methods
      ? methods.flatMap((m) =>
          m.card
            ? [
                {
                  id: m.id,
                  brand: brandName(m.card.brand),
                  last4: m.card.last4,
                  expMonth: m.card.exp_month,
                  expYear: m.card.exp_year,
                  isDefault: customer.defaultPaymentMethodId === m.id,
                },
              ]
            : [],
        )
      : null,
    subscriptions: live.map((s, i) => {
      const amount = recurringAmount(s.currency, views.get(s.id) ?? []);
      return {
        id: s.id,
        status: s.status,
        amount: amount ? formatAmount(amount.amount, amount.currency, locale) : null,
        interval: amount?.interval ?? null,
        intervalCount: amount?.intervalCount ?? 1,
        currentPeriodEnd: s.currentPeriodEnd,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        switchTo: switchTo[i],
      };
    }),
    canCancel: f.subscription_cancel.enabled,
    cancelNow: f.subscription_cancel.enabled && f.subscription_cancel.mode === 'immediately',
    cancelReasons: f.subscription_cancel.cancellation_reason.enabled ? f.subscription_cancel.cancellation_reason.options : null,
    invoices: invoices
      ? invoices
          .filter((i) => i.status !== 'draft')
          .map((i) => ({
            id: i.id,
            number: i.number,
            created: i.finalizedAt ?? i.createdAt,
            amount: formatAmount(i.total, i.currency, locale),
            status: i.status,
            hostedUrl: hostedInvoiceUrl(appUrl, i.id),
            pdfUrl: invoicePdfUrl(appUrl, i.id),
          }))
      : null,
  };
}

/** The page behind /p/:id/:token, or null for an unknown, wrong-token or expired session. */
export async function loadPortalPage(
  db: Queryable,
  p: { sessionId: string; token: string; acceptLanguage: string | null; now?: Date },
): Promise<PortalPageView | null> {
  const session = await openPortalSession(db, { id: p.sessionId, token: p.token, now: p.now });
  return session ? portalPageOf(db, session, p.acceptLanguage) : null;
}
