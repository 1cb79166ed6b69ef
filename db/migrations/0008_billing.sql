CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'open', 'paid', 'void', 'uncollectible');--> statement-breakpoint
CREATE TYPE "public"."test_clock_status" AS ENUM('ready', 'advancing', 'internal_failure');--> statement-breakpoint
CREATE TABLE "invoice_line_items" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "invoice_line_items_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" text NOT NULL,
	"position" integer NOT NULL,
	"description" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"quantity" integer,
	"price_id" text,
	"product_id" text,
	"subscription_id" text,
	"subscription_item_id" text,
	"proration" boolean DEFAULT false NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"discount_amounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"taxes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_number_sequences" (
	"account_id" text PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"next" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "invoices_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" text NOT NULL,
	"subscription_id" text,
	"test_clock_id" text,
	"checkout_session_id" text,
	"status" "invoice_status" NOT NULL,
	"billing_reason" text NOT NULL,
	"collection_method" text DEFAULT 'charge_automatically' NOT NULL,
	"currency" text NOT NULL,
	"number" text,
	"description" text,
	"subtotal" bigint NOT NULL,
	"subtotal_excluding_tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"total_excluding_tax" bigint NOT NULL,
	"total_taxes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_discount_amounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount_due" bigint NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"amount_remaining" bigint NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"customer" jsonb,
	"default_payment_method_id" text,
	"payment_intent_id" text,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_payment_attempt" timestamp with time zone,
	"auto_advance" boolean DEFAULT true NOT NULL,
	"finalized_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"marked_uncollectible_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscription_items" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "subscription_items_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subscription_id" text NOT NULL,
	"price_id" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "test_clocks" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "test_clocks_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text,
	"frozen_time" timestamp with time zone NOT NULL,
	"status" "test_clock_status" DEFAULT 'ready' NOT NULL,
	"advancing_to" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"deletes_after" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "billing_retry_settings" jsonb;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "test_clock_id" text;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "invoice_id" text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "invoice_id" text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "off_session" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "processor_state" jsonb;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancel_at_period_end" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancellation_details" jsonb;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "latest_invoice_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "test_clock_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "pause_collection" jsonb;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "discount" jsonb;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "default_tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_will_end_sent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_end_behavior" text DEFAULT 'create_invoice' NOT NULL;--> statement-breakpoint
CREATE INDEX "invoice_line_items_invoice_idx" ON "invoice_line_items" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoices_account_seq_idx" ON "invoices" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "invoices_subscription_idx" ON "invoices" USING btree ("subscription_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_account_number_uq" ON "invoices" USING btree ("account_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_subscription_cycle_uq" ON "invoices" USING btree ("subscription_id","period_start") WHERE billing_reason = 'subscription_cycle';--> statement-breakpoint
CREATE INDEX "invoices_due_attempt_idx" ON "invoices" USING btree ("next_payment_attempt") WHERE status = 'open' and next_payment_attempt is not null;--> statement-breakpoint
CREATE INDEX "subscription_items_subscription_idx" ON "subscription_items" USING btree ("subscription_id","seq");--> statement-breakpoint
CREATE INDEX "test_clocks_account_seq_idx" ON "test_clocks" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "subscriptions_due_idx" ON "subscriptions" USING btree ("current_period_end") WHERE status in ('active', 'trialing', 'past_due', 'unpaid') and test_clock_id is null;--> statement-breakpoint
CREATE INDEX "subscriptions_clock_idx" ON "subscriptions" USING btree ("test_clock_id");--> statement-breakpoint
-- Subscriptions made before this kept their items in a jsonb column: they become rows, ids unchanged.
INSERT INTO "subscription_items" ("id", "account_id", "livemode", "created_at", "subscription_id", "price_id", "quantity")
SELECT "item"->>'id', "s"."account_id", "s"."livemode", "s"."created_at", "s"."id", "item"->>'price', ("item"->>'quantity')::integer
FROM "subscriptions" "s", jsonb_array_elements("s"."items") "item";
