CREATE TABLE "roundup_reviews" (
	"workspace_key" text NOT NULL,
	"period" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"held_by" text,
	"version" integer DEFAULT 0 NOT NULL,
	"reminded_at" bigint,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL,
	CONSTRAINT "roundup_reviews_workspace_key_period_pk" PRIMARY KEY("workspace_key","period")
);
--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "votes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "picked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "dropped" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "link_order" text DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "picks_title" text DEFAULT 'Picks of the month' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "picks_emoji" text DEFAULT '⭐';--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "review_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "review_channel_id" text;--> statement-breakpoint
ALTER TABLE "roundup_reviews" ADD CONSTRAINT "roundup_reviews_workspace_key_workspaces_key_fk" FOREIGN KEY ("workspace_key") REFERENCES "public"."workspaces"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_settings_review_due_idx" ON "workspace_settings" USING btree ("next_due_at") WHERE "workspace_settings"."review_days" > 0 AND "workspace_settings"."review_channel_id" IS NOT NULL;