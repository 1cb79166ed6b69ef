CREATE TYPE "public"."dispute_status" AS ENUM('warning_needs_response', 'warning_under_review', 'warning_closed', 'needs_response', 'under_review', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'requires_action', 'succeeded', 'failed', 'canceled');--> statement-breakpoint
CREATE TABLE "charges" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "charges_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payment_intent_id" text NOT NULL,
	"customer_id" text,
	"amount" bigint NOT NULL,
	"amount_captured" bigint DEFAULT 0 NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"captured" boolean DEFAULT false NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"payment_method_id" text,
	"card" jsonb,
	"sepa_debit" jsonb,
	"billing_details" jsonb NOT NULL,
	"outcome" jsonb,
	"failure_code" text,
	"failure_message" text,
	"description" text,
	"receipt_email" text,
	"receipt_number" text,
	"statement_descriptor" text,
	"shipping" jsonb,
	"capture_before" timestamp with time zone,
	"processor_state" jsonb
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "disputes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"charge_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" "dispute_status",
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence_due_by" timestamp with time zone,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"funds_withdrawn" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"pending" jsonb
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "refunds_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"charge_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"customer_id" text,
	"payment_method_id" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" "refund_status" NOT NULL,
	"reason" text,
	"description" text,
	"failure_reason" text,
	"receipt_number" text,
	"due_at" timestamp with time zone,
	"pending" jsonb
);
--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "card" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "latest_charge_id" text;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "sepa_debit" jsonb;--> statement-breakpoint
CREATE INDEX "charges_account_seq_idx" ON "charges" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_payment_intent_uq" ON "charges" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "charges_customer_idx" ON "charges" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "charges_uncaptured_idx" ON "charges" USING btree ("capture_before") WHERE captured = false and status = 'succeeded';--> statement-breakpoint
CREATE INDEX "disputes_account_seq_idx" ON "disputes" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_charge_uq" ON "disputes" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "disputes_due_idx" ON "disputes" USING btree ("due_at") WHERE due_at is not null;--> statement-breakpoint
CREATE INDEX "refunds_account_seq_idx" ON "refunds" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "refunds_charge_idx" ON "refunds" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "refunds" USING btree ("due_at") WHERE due_at is not null;--> statement-breakpoint
-- Payments made before charges existed get theirs, under the id their intents already showed as latest_charge.
INSERT INTO "charges" ("id", "account_id", "livemode", "created_at", "payment_intent_id", "customer_id", "amount", "amount_captured", "currency", "status", "captured", "payment_method_id", "card", "sepa_debit", "billing_details", "outcome", "receipt_email", "description", "statement_descriptor", "shipping")
SELECT 'ch_' || substr("id", 4), "account_id", "livemode", "created_at", "id", "customer_id", "amount", "amount_received", "currency", 'succeeded', true, "payment_method_id", "card", "sepa_debit",
  '{"address":null,"email":null,"name":null,"phone":null,"tax_id":null}'::jsonb,
  '{"network_status":"approved_by_network","reason":null,"risk_level":"normal","risk_score":null,"seller_message":"Payment complete.","type":"authorized"}'::jsonb,
  "receipt_email", "description", "statement_descriptor", "shipping"
FROM "payment_intents" WHERE "status" = 'succeeded' AND "amount" > 0;--> statement-breakpoint
UPDATE "payment_intents" SET "latest_charge_id" = 'ch_' || substr("id", 4) WHERE "status" = 'succeeded' AND "amount" > 0;
