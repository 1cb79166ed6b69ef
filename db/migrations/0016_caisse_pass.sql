ALTER TYPE "public"."email_kind" ADD VALUE 'pass_code';--> statement-breakpoint
CREATE TABLE "pass_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"pass_id" text NOT NULL,
	"checkout_session_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_opt_ins" (
	"checkout_session_id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_sign_ins" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"pass_id" text NOT NULL,
	"checkout_session_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"name" text,
	"shipping" jsonb,
	"card" jsonb NOT NULL,
	"processor_state" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "wallet_options" jsonb;--> statement-breakpoint
CREATE INDEX "pass_codes_pass_idx" ON "pass_codes" USING btree ("pass_id","created_at");--> statement-breakpoint
CREATE INDEX "pass_sign_ins_pass_idx" ON "pass_sign_ins" USING btree ("pass_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_email_uq" ON "passes" USING btree ("email");