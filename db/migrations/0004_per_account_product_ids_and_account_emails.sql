ALTER TYPE "public"."email_kind" ADD VALUE 'sign_up_link';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'account_exists';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'sign_in_link';--> statement-breakpoint
DROP INDEX "prices_product_idx";--> statement-breakpoint
-- Hand-edited: drizzle-kit cannot name the old primary key; Postgres named it products_pkey.
ALTER TABLE "products" DROP CONSTRAINT "products_pkey";--> statement-breakpoint
ALTER TABLE "emails" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_account_id_id_pk" PRIMARY KEY("account_id","id");--> statement-breakpoint
CREATE INDEX "dashboard_verifications_identifier_idx" ON "dashboard_verifications" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "prices_product_idx" ON "prices" USING btree ("account_id","product_id");
