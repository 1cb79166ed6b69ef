ALTER TABLE "tax_rates" ADD COLUMN "automatic_key" text;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "jurisdiction_level" text;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "taxability_reason" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tax_exempt" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_account_automatic_key_idx" ON "tax_rates" USING btree ("account_id","automatic_key");