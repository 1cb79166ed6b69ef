CREATE TYPE "public"."api_key_kind" AS ENUM('secret', 'publishable');--> statement-breakpoint
CREATE TYPE "public"."idempotency_state" AS ENUM('in_flight', 'complete');--> statement-breakpoint
CREATE TYPE "public"."coupon_duration" AS ENUM('forever', 'once', 'repeating');--> statement-breakpoint
CREATE TYPE "public"."price_type" AS ENUM('one_time', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."tax_behavior" AS ENUM('exclusive', 'inclusive', 'unspecified');--> statement-breakpoint
CREATE TYPE "public"."checkout_payment_status" AS ENUM('unpaid', 'paid', 'no_payment_required');--> statement-breakpoint
CREATE TYPE "public"."checkout_session_mode" AS ENUM('payment', 'subscription', 'setup');--> statement-breakpoint
CREATE TYPE "public"."checkout_session_status" AS ENUM('open', 'complete', 'expired');--> statement-breakpoint
CREATE TYPE "public"."checkout_ui_mode" AS ENUM('hosted', 'embedded', 'hosted_page', 'embedded_page');--> statement-breakpoint
CREATE TYPE "public"."payment_intent_status" AS ENUM('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'requires_capture', 'canceled', 'succeeded');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused');--> statement-breakpoint
CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."email_kind" AS ENUM('receipt');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sent', 'kept', 'failed');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"display_name" text,
	"branding" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"default_currency" text DEFAULT 'usd' NOT NULL,
	"country" text DEFAULT 'US' NOT NULL,
	"allowed_embed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"receipts_enabled" boolean DEFAULT false NOT NULL,
	"business_details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" "api_key_kind" NOT NULL,
	"key_hash" text NOT NULL,
	"display_prefix" text NOT NULL,
	"publishable_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"account_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" "idempotency_state" DEFAULT 'in_flight' NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "coupons_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text,
	"amount_off" bigint,
	"percent_off" text,
	"currency" text,
	"currency_options" jsonb,
	"duration" "coupon_duration" DEFAULT 'once' NOT NULL,
	"duration_in_months" integer,
	"max_redemptions" integer,
	"redeem_by" timestamp with time zone,
	"times_redeemed" integer DEFAULT 0 NOT NULL,
	"applies_to_products" jsonb,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "coupons_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "prices_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"product_id" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"currency" text NOT NULL,
	"unit_amount" bigint,
	"unit_amount_decimal" text,
	"type" "price_type" NOT NULL,
	"recurring" jsonb,
	"tax_behavior" "tax_behavior" DEFAULT 'unspecified' NOT NULL,
	"lookup_key" text,
	"nickname" text,
	"currency_options" jsonb,
	"custom_unit_amount" jsonb,
	"inline" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "products_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"marketing_features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_price_id" text,
	"shippable" boolean,
	"statement_descriptor" text,
	"tax_code" text,
	"unit_label" text,
	"url" text,
	"package_dimensions" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "promotion_codes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"coupon_id" text NOT NULL,
	"code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"customer_id" text,
	"expires_at" timestamp with time zone,
	"max_redemptions" integer,
	"times_redeemed" integer DEFAULT 0 NOT NULL,
	"restrictions" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "shipping_rates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"display_name" text NOT NULL,
	"type" text DEFAULT 'fixed_amount' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"currency_options" jsonb,
	"delivery_estimate" jsonb,
	"tax_behavior" "tax_behavior" DEFAULT 'unspecified' NOT NULL,
	"tax_code" text,
	"inline" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tax_rates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"percentage" text NOT NULL,
	"inclusive" boolean NOT NULL,
	"country" text,
	"state" text,
	"jurisdiction" text,
	"tax_type" text
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "customers_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text,
	"name" text,
	"phone" text,
	"description" text,
	"address" jsonb,
	"shipping" jsonb,
	"preferred_locales" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"currency" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkout_line_items" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"account_id" text NOT NULL,
	"position" integer NOT NULL,
	"optional" boolean DEFAULT false NOT NULL,
	"selected" boolean DEFAULT true NOT NULL,
	"price_id" text NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"adjustable_quantity" jsonb,
	"tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dynamic_tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"amount_subtotal" bigint DEFAULT 0 NOT NULL,
	"amount_discount" bigint DEFAULT 0 NOT NULL,
	"amount_tax" bigint DEFAULT 0 NOT NULL,
	"amount_total" bigint DEFAULT 0 NOT NULL,
	"discounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"taxes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkout_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "checkout_sessions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" "checkout_session_status" DEFAULT 'open' NOT NULL,
	"payment_status" "checkout_payment_status" DEFAULT 'unpaid' NOT NULL,
	"mode" "checkout_session_mode" NOT NULL,
	"ui_mode" "checkout_ui_mode" DEFAULT 'hosted_page' NOT NULL,
	"currency" text,
	"amount_subtotal" bigint,
	"amount_total" bigint,
	"total_details" jsonb,
	"client_secret" text,
	"client_reference_id" text,
	"success_url" text,
	"cancel_url" text,
	"return_url" text,
	"redirect_on_completion" text,
	"locale" text,
	"submit_type" text,
	"customer_id" text,
	"customer_email" text,
	"customer_creation" text,
	"customer_details" jsonb,
	"payment_intent_id" text,
	"setup_intent_id" text,
	"subscription_id" text,
	"allow_promotion_codes" boolean,
	"discounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shipping_address_collection" jsonb,
	"shipping_options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shipping_rate_id" text,
	"shipping_cost" jsonb,
	"collected_information" jsonb,
	"billing_address_collection" text,
	"phone_number_collection" jsonb DEFAULT '{"enabled":false}'::jsonb NOT NULL,
	"tax_id_collection" jsonb NOT NULL,
	"custom_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_text" jsonb NOT NULL,
	"consent_collection" jsonb,
	"consent" jsonb,
	"after_expiration" jsonb,
	"payment_intent_data" jsonb,
	"subscription_data" jsonb,
	"payment_method_types" jsonb DEFAULT '["card"]'::jsonb NOT NULL,
	"payment_method_collection" text,
	"branding_settings" jsonb,
	"automatic_tax" jsonb DEFAULT '{"enabled":false}'::jsonb NOT NULL,
	"invoice_creation" jsonb,
	"saved_payment_method_options" jsonb,
	"name_collection" jsonb,
	"optional_items" jsonb,
	"customer_update" jsonb,
	"integration_identifier" text,
	"recovered_from" text,
	"completed_at" timestamp with time zone,
	"declined_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "payment_intents_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"amount" bigint NOT NULL,
	"amount_received" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" "payment_intent_status" NOT NULL,
	"customer_id" text,
	"description" text,
	"receipt_email" text,
	"setup_future_usage" text,
	"capture_method" text DEFAULT 'automatic' NOT NULL,
	"payment_method_id" text,
	"card" jsonb,
	"sepa_debit" jsonb,
	"last_payment_error" jsonb,
	"statement_descriptor" text,
	"canceled_at" timestamp with time zone,
	"checkout_session_id" text,
	"processor_state" jsonb,
	"next_action" jsonb,
	"shipping" jsonb
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "payment_methods_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text DEFAULT 'card' NOT NULL,
	"customer_id" text,
	"card" jsonb NOT NULL,
	"billing_details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "subscriptions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" text NOT NULL,
	"status" "subscription_status" NOT NULL,
	"currency" text NOT NULL,
	"items" jsonb NOT NULL,
	"default_payment_method_id" text,
	"billing_cycle_anchor" timestamp with time zone NOT NULL,
	"current_period_start" timestamp with time zone NOT NULL,
	"current_period_end" timestamp with time zone NOT NULL,
	"trial_start" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"cancel_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"api_version" text,
	"data" jsonb NOT NULL,
	"request_id" text,
	"idempotency_key" text,
	"pending_webhooks" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"latency_ms" integer NOT NULL,
	"response_excerpt" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"event_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_status_code" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "webhook_endpoints_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"enabled_events" jsonb NOT NULL,
	"status" text DEFAULT 'enabled' NOT NULL,
	"api_version" text,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_expires_at" timestamp with time zone,
	"disabled_reason" text,
	"failing_since" timestamp with time zone,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" "email_kind" NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"checkout_session_id" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_account_idx" ON "api_keys" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "coupons_account_seq_idx" ON "coupons" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "prices_account_seq_idx" ON "prices" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "prices_product_idx" ON "prices" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prices_lookup_key_uq" ON "prices" USING btree ("account_id","lookup_key") WHERE "prices"."lookup_key" is not null;--> statement-breakpoint
CREATE INDEX "products_account_seq_idx" ON "products" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "promotion_codes_account_seq_idx" ON "promotion_codes" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_codes_active_code_uq" ON "promotion_codes" USING btree ("account_id",lower("code")) WHERE "promotion_codes"."active";--> statement-breakpoint
CREATE INDEX "shipping_rates_account_seq_idx" ON "shipping_rates" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "tax_rates_account_seq_idx" ON "tax_rates" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "customers_account_seq_idx" ON "customers" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "customers_account_email_idx" ON "customers" USING btree ("account_id","email");--> statement-breakpoint
CREATE INDEX "checkout_line_items_session_idx" ON "checkout_line_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "checkout_sessions_account_seq_idx" ON "checkout_sessions" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "checkout_sessions_open_expiry_idx" ON "checkout_sessions" USING btree ("expires_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "checkout_sessions_payment_intent_idx" ON "checkout_sessions" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "payment_intents_account_seq_idx" ON "payment_intents" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_checkout_session_uq" ON "payment_intents" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE INDEX "payment_methods_customer_idx" ON "payment_methods" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "subscriptions_account_seq_idx" ON "subscriptions" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "events_account_seq_idx" ON "events" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "events_account_type_idx" ON "events" USING btree ("account_id","type");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_endpoint_uq" ON "webhook_deliveries" USING btree ("event_id","endpoint_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_account_seq_idx" ON "webhook_endpoints" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "emails_due_idx" ON "emails" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "emails_account_created_idx" ON "emails" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "emails_checkout_session_idx" ON "emails" USING btree ("checkout_session_id");