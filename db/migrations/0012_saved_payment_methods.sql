CREATE TYPE "public"."setup_intent_status" AS ENUM('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'canceled', 'succeeded');--> statement-breakpoint
CREATE TABLE "setup_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "setup_intents_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "setup_intent_status" NOT NULL,
	"customer_id" text,
	"payment_method_id" text,
	"description" text,
	"usage" text DEFAULT 'off_session' NOT NULL,
	"payment_method_types" jsonb DEFAULT '["card"]'::jsonb NOT NULL,
	"last_setup_error" jsonb,
	"checkout_session_id" text,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "default_payment_method_id" text;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "allow_redisplay" text DEFAULT 'unspecified' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "consumed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "setup_intents_account_seq_idx" ON "setup_intents" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "setup_intents_checkout_session_uq" ON "setup_intents" USING btree ("checkout_session_id");--> statement-breakpoint
-- Methods used without a customer were spent by that payment, as Stripe's are: they cannot be attached later.
UPDATE "payment_methods" SET "consumed" = true WHERE "customer_id" IS NULL;