CREATE TABLE "tax_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tax_registrations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"country" text NOT NULL,
	"type" text NOT NULL,
	"state" text,
	"country_options" jsonb NOT NULL,
	"active_from" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tax_settings" (
	"account_id" text PRIMARY KEY NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"default_tax_behavior" text,
	"default_tax_code" text,
	"head_office_address" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tax_registrations_account_seq_idx" ON "tax_registrations" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "tax_registrations_account_country_idx" ON "tax_registrations" USING btree ("account_id","country","type");