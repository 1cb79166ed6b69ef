CREATE TABLE "tax_ids" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "tax_ids_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"country" text,
	"verification" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_ids_customer_type_value_uq" ON "tax_ids" USING btree ("customer_id","type","value");