CREATE TABLE "invoice_items" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "invoice_items_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" text NOT NULL,
	"subscription_id" text,
	"subscription_item_id" text,
	"invoice_id" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"description" text,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"proration" boolean DEFAULT false NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"price_id" text,
	"product_id" text,
	"unit_amount_decimal" text,
	"discountable" boolean NOT NULL,
	"discount_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tax_rate_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"test_clock_id" text
);
--> statement-breakpoint
ALTER TABLE "invoice_line_items" ADD COLUMN "invoice_item_id" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "starting_balance" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "ending_balance" bigint;--> statement-breakpoint
CREATE INDEX "invoice_items_account_seq_idx" ON "invoice_items" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "invoice_items_customer_idx" ON "invoice_items" USING btree ("account_id","customer_id","seq");--> statement-breakpoint
CREATE INDEX "invoice_items_invoice_idx" ON "invoice_items" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_items_pending_idx" ON "invoice_items" USING btree ("subscription_id","seq") WHERE invoice_id is null;