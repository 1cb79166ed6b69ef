ALTER TYPE "public"."email_kind" ADD VALUE 'sign_up_link';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'account_exists';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'sign_in_link';--> statement-breakpoint
ALTER TABLE "emails" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "dashboard_verifications_identifier_idx" ON "dashboard_verifications" USING btree ("identifier");