CREATE TABLE "billing_portal_configurations" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "billing_portal_configurations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"name" text,
	"default_return_url" text,
	"business_profile" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "billing_portal_configurations_account_seq_idx" ON "billing_portal_configurations" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_portal_configurations_default_uq" ON "billing_portal_configurations" USING btree ("account_id") WHERE "billing_portal_configurations"."is_default";