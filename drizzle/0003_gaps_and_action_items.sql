CREATE TYPE "public"."action_item_status" AS ENUM('to_do', 'doing', 'done');--> statement-breakpoint
CREATE TYPE "public"."gap_event_kind" AS ENUM('status_change', 'comment', 'update');--> statement-breakpoint
CREATE TYPE "public"."gap_priority" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."gap_status" AS ENUM('open', 'in_progress', 'blocked', 'resolved', 'wont_fix');--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"gap_id" uuid,
	"title" text NOT NULL,
	"assignee_user_id" uuid,
	"assignee_organization_id" uuid,
	"due_on" date,
	"status" "action_item_status" DEFAULT 'to_do' NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"updated_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "action_items_completed_at_matches_status" CHECK (("action_items"."status" = 'done') = ("action_items"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "gap_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"gap_id" uuid NOT NULL,
	"kind" "gap_event_kind" NOT NULL,
	"from_status" "gap_status",
	"to_status" "gap_status",
	"body" text DEFAULT '' NOT NULL,
	"shared_with_funders" boolean DEFAULT false NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gap_events_status_change_has_to" CHECK ("gap_events"."kind" <> 'status_change' or "gap_events"."to_status" is not null),
	CONSTRAINT "gap_events_only_comments_shared" CHECK ("gap_events"."kind" = 'comment' or not "gap_events"."shared_with_funders")
);
--> statement-breakpoint
CREATE TABLE "gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"priority" "gap_priority" DEFAULT 'medium' NOT NULL,
	"current_stage" smallint,
	"target_stage" smallint,
	"owner_organization_id" uuid,
	"owner_user_id" uuid,
	"due_on" date,
	"status" "gap_status" DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"source_round_id" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"updated_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gaps_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "gaps_current_stage_range" CHECK ("gaps"."current_stage" is null or "gaps"."current_stage" between 1 and 5),
	CONSTRAINT "gaps_target_stage_range" CHECK ("gaps"."target_stage" is null or "gaps"."target_stage" between 1 and 5),
	CONSTRAINT "gaps_status_reason_required" CHECK ("gaps"."status" not in ('blocked', 'wont_fix') or ("gaps"."status_reason" is not null and length(trim("gaps"."status_reason")) > 0)),
	CONSTRAINT "gaps_resolved_at_matches_status" CHECK (("gaps"."status" = 'resolved') = ("gaps"."resolved_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_gap_same_task_force_fk" FOREIGN KEY ("task_force_id","gap_id") REFERENCES "public"."gaps"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_assignee_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","assignee_organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_events" ADD CONSTRAINT "gap_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_events" ADD CONSTRAINT "gap_events_gap_same_task_force_fk" FOREIGN KEY ("task_force_id","gap_id") REFERENCES "public"."gaps"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_owner_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","owner_organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gaps" ADD CONSTRAINT "gaps_source_round_same_task_force_fk" FOREIGN KEY ("task_force_id","source_round_id") REFERENCES "public"."assessment_rounds"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_task_force_idx" ON "action_items" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "action_items_gap_idx" ON "action_items" USING btree ("task_force_id","gap_id");--> statement-breakpoint
CREATE INDEX "action_items_assignee_idx" ON "action_items" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "gap_events_task_force_idx" ON "gap_events" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "gap_events_gap_idx" ON "gap_events" USING btree ("gap_id","created_at");--> statement-breakpoint
CREATE INDEX "gaps_task_force_idx" ON "gaps" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "gaps_task_force_status_idx" ON "gaps" USING btree ("task_force_id","status");