CREATE TYPE "public"."status_change_source" AS ENUM('manual', 'computed', 'override', 'backfill');--> statement-breakpoint
CREATE TABLE "requirement_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"status" "requirement_status" NOT NULL,
	"source" "status_change_source" NOT NULL,
	"changed_by_user_id" uuid,
	"reason" text,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_status_changes_sequence_positive" CHECK ("requirement_status_changes"."sequence" > 0),
	CONSTRAINT "requirement_status_changes_reason_of_override" CHECK ("requirement_status_changes"."reason" is null or "requirement_status_changes"."source" in ('override', 'backfill'))
);
--> statement-breakpoint
ALTER TABLE "requirement_status_changes" ADD CONSTRAINT "requirement_status_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_status_changes" ADD CONSTRAINT "requirement_status_changes_requirement_same_task_force_fk" FOREIGN KEY ("task_force_id","requirement_id") REFERENCES "public"."grant_requirements"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_status_changes_sequence_unique" ON "requirement_status_changes" USING btree ("task_force_id","requirement_id","sequence");