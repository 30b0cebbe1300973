CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused', 'guest');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('pending', 'in_effect', 'implemented', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."meeting_type" AS ENUM('full_task_force', 'committee', 'training', 'case_coordination', 'other');--> statement-breakpoint
CREATE TYPE "public"."minutes_status" AS ENUM('draft', 'approved');--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"presenter_user_id" uuid,
	"presenter_organization_id" uuid,
	"minutes_allotted" smallint,
	"notes" text DEFAULT '' NOT NULL,
	"needs_decision" boolean DEFAULT false NOT NULL,
	"carried_action_item_id" uuid,
	"carried_from_agenda_item_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "agenda_items_minutes_allotted_range" CHECK ("agenda_items"."minutes_allotted" is null or "agenda_items"."minutes_allotted" between 1 and 600)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"organization_id" uuid,
	"status" "attendance_status" NOT NULL,
	"discipline" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_person_or_organization" CHECK ("attendance"."user_id" is not null or "attendance"."organization_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"chair_organization_id" uuid,
	"chair_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committees_task_force_id_id_unique" UNIQUE("task_force_id","id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"status" "decision_status" DEFAULT 'in_effect' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"committee_id" uuid,
	"title" text NOT NULL,
	"type" "meeting_type" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"video_url" text,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"minutes_status" "minutes_status" DEFAULT 'draft' NOT NULL,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_by_user_id" uuid,
	"minutes_shared_with_funders" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "meetings_ends_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_full_task_force_has_no_committee" CHECK ("meetings"."type" <> 'full_task_force' or "meetings"."committee_id" is null),
	CONSTRAINT "meetings_approval_matches_status" CHECK (("meetings"."minutes_status" = 'approved') = ("meetings"."minutes_approved_at" is not null)),
	CONSTRAINT "meetings_only_approved_minutes_shared" CHECK ("meetings"."minutes_status" = 'approved' or not "meetings"."minutes_shared_with_funders")
);
--> statement-breakpoint
CREATE TABLE "minute_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_forces" ADD COLUMN "core_disciplines" text[] DEFAULT '{lawEnforcementLocalState,victimServices,prosecution}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_user_id_users_id_fk" FOREIGN KEY ("presenter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","presenter_organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_carried_action_same_task_force_fk" FOREIGN KEY ("task_force_id","carried_action_item_id") REFERENCES "public"."action_items"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_same_task_force_fk" FOREIGN KEY ("task_force_id","committee_id") REFERENCES "public"."committees"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_chair_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","chair_organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_same_task_force_fk" FOREIGN KEY ("task_force_id","agenda_item_id") REFERENCES "public"."agenda_items"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approved_by_user_id_users_id_fk" FOREIGN KEY ("minutes_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_committee_same_task_force_fk" FOREIGN KEY ("task_force_id","committee_id") REFERENCES "public"."committees"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minute_comments" ADD CONSTRAINT "minute_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minute_comments" ADD CONSTRAINT "minute_comments_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_agenda_item_same_task_force_fk" FOREIGN KEY ("task_force_id","agenda_item_id") REFERENCES "public"."agenda_items"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_task_force_idx" ON "agenda_items" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "attendance_task_force_idx" ON "attendance" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "attendance_meeting_idx" ON "attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_meeting_person_unique" ON "attendance" USING btree ("meeting_id","user_id") WHERE "attendance"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_meeting_organization_unique" ON "attendance" USING btree ("meeting_id","organization_id") WHERE "attendance"."user_id" is null;--> statement-breakpoint
CREATE INDEX "calendar_tokens_task_force_idx" ON "calendar_tokens" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_one_live_per_person" ON "calendar_tokens" USING btree ("task_force_id","user_id") WHERE "calendar_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "committee_members_task_force_idx" ON "committee_members" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_committee_user_unique" ON "committee_members" USING btree ("committee_id","user_id");--> statement-breakpoint
CREATE INDEX "committee_members_user_idx" ON "committee_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "committees_task_force_idx" ON "committees" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_task_force_name_unique" ON "committees" USING btree ("task_force_id",lower("name"));--> statement-breakpoint
CREATE INDEX "decisions_task_force_idx" ON "decisions" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "decisions_meeting_idx" ON "decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_task_force_idx" ON "meetings" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "meetings_task_force_starts_idx" ON "meetings" USING btree ("task_force_id","starts_at");--> statement-breakpoint
CREATE INDEX "minute_comments_task_force_idx" ON "minute_comments" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "minute_comments_meeting_idx" ON "minute_comments" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "minutes_task_force_idx" ON "minutes" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_agenda_item_unique" ON "minutes" USING btree ("agenda_item_id");--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_same_task_force_fk" FOREIGN KEY ("task_force_id","meeting_id") REFERENCES "public"."meetings"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("task_force_id","meeting_id");