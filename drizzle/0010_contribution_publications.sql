CREATE TABLE "contribution_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_publications_one_per_version" UNIQUE("task_force_id","period","version"),
	CONSTRAINT "contribution_publications_period_format" CHECK ("contribution_publications"."period" ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
	CONSTRAINT "contribution_publications_version_positive" CHECK ("contribution_publications"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "contribution_publications" ADD CONSTRAINT "contribution_publications_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_publications_task_force_period_idx" ON "contribution_publications" USING btree ("task_force_id","period");