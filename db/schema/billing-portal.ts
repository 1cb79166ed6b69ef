import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { objectColumns, ts } from './columns';

/** A portal product: the prices a customer may switch between, and the quantity they may choose. */
export type PortalProduct = {
  product: string;
  prices: string[];
  adjustable_quantity: { enabled: boolean; maximum: number | null; minimum: number };
};

/** The features of a portal configuration, stored as Stripe shows them, every default filled in. */
export type PortalFeatures = {
  customer_update: { allowed_updates: string[]; enabled: boolean };
  invoice_history: { enabled: boolean };
  payment_method_update: { enabled: boolean; payment_method_configuration: string | null };
  subscription_cancel: {
    cancellation_reason: { enabled: boolean; feedback_options: string[] | null; options: string[] };
    enabled: boolean;
    mode: string;
    proration_behavior: string;
  };
  subscription_pause: {
    duration: { interval_options: { interval: string; interval_count: number }[]; type: string };
    enabled: boolean;
  };
  subscription_update: {
    billing_cycle_anchor: string | null;
    default_allowed_updates: string[];
    enabled: boolean;
    products: PortalProduct[];
    proration_behavior: string;
    schedule_at_period_end: { conditions: { type: string }[] };
    trial_update_behavior: string;
  };
};

export type PortalBusinessProfile = {
  headline: string | null;
  privacy_policy_url: string | null;
  terms_of_service_url: string | null;
};

export const billingPortalConfigurations = pgTable(
  'billing_portal_configurations',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    active: boolean().notNull().default(true),
    // The account's first configuration; never set by the merchant.
    isDefault: boolean().notNull().default(false),
    name: text(),
    defaultReturnUrl: text(),
    businessProfile: jsonb().$type<PortalBusinessProfile>().notNull(),
    features: jsonb().$type<PortalFeatures>().notNull(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('billing_portal_configurations_account_seq_idx').on(t.accountId, t.seq),
    // One default per account, even when two first configurations are created at once.
    uniqueIndex('billing_portal_configurations_default_uq')
      .on(t.accountId)
      .where(sql`${t.isDefault}`),
  ],
);

/** A portal session's flow, stored as Stripe shows it (`flow` of a billing_portal.session). */
export type PortalFlow = {
  type: 'payment_method_update' | 'subscription_cancel' | 'subscription_update' | 'subscription_update_confirm';
  after_completion: {
    type: 'hosted_confirmation' | 'portal_homepage' | 'redirect';
    hosted_confirmation: { custom_message: string | null } | null;
    redirect: { return_url: string } | null;
  };
  /** Flows Caisse does not offer; always null. */
  customer_update: null;
  subscription_pause: null;
  subscription_cancel: { subscription: string; retention: { type: 'coupon_offer'; coupon_offer: { coupon: string } } | null } | null;
  subscription_update: { subscription: string } | null;
  subscription_update_confirm: {
    subscription: string;
    items: { id: string; price: string | null; quantity?: number }[];
    discounts: { coupon: string | null; promotion_code: string | null }[] | null;
  } | null;
};

/**
 * A customer's portal session: its URL carries a random token of which only the SHA-256 hash is kept.
 * Usable within 5 minutes of creation if never opened; an hour from its first opening (`opened_at`).
 */
export const billingPortalSessions = pgTable(
  'billing_portal_sessions',
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    livemode: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
    customerId: text().notNull(),
    configurationId: text().notNull(),
    locale: text(),
    returnUrl: text(),
    flow: jsonb().$type<PortalFlow>(),
    tokenHash: text().notNull(),
    openedAt: ts(),
  },
  (t) => [index('billing_portal_sessions_account_customer_idx').on(t.accountId, t.customerId)],
);
