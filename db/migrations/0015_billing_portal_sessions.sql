CREATE TABLE "billing_portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" text NOT NULL,
	"configuration_id" text NOT NULL,
	"locale" text,
	"return_url" text,
	"flow" jsonb,
	"token_hash" text NOT NULL,
	"opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "billing_portal_sessions_account_customer_idx" ON "billing_portal_sessions" USING btree ("account_id","customer_id");