CREATE TABLE "card_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "card_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"session_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"declined" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "attempt_id" text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "attempt_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "reserved_discount" jsonb;--> statement-breakpoint
CREATE INDEX "card_attempts_account_idx" ON "card_attempts" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "card_attempts_session_idx" ON "card_attempts" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_intents_in_flight_idx" ON "payment_intents" USING btree ("attempt_started_at") WHERE status = 'processing';