CREATE TYPE "public"."response_answer" AS ENUM('stage', 'dont_know', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."assessment_round_audience" AS ENUM('all', 'chosen');--> statement-breakpoint
CREATE TYPE "public"."assessment_round_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"wording_note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_framework_version_unique" UNIQUE("framework_id","version")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "agreed_stages" (
	"task_force_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"stage" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreed_stages_round_id_element_key_pk" PRIMARY KEY("round_id","element_key"),
	CONSTRAINT "agreed_stages_stage_range" CHECK ("agreed_stages"."stage" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"title" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"status" "assessment_round_status" DEFAULT 'draft' NOT NULL,
	"audience" "assessment_round_audience" DEFAULT 'all' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by_user_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_rounds_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "assessment_rounds_dates_ordered" CHECK ("assessment_rounds"."closes_on" >= "assessment_rounds"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "element_targets" (
	"task_force_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"stage" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "element_targets_task_force_id_element_key_pk" PRIMARY KEY("task_force_id","element_key"),
	CONSTRAINT "element_targets_stage_range" CHECK ("element_targets"."stage" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "response_submissions" (
	"task_force_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"respondent_user_id" uuid NOT NULL,
	"organization_id" uuid,
	"discipline" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "response_submissions_round_id_respondent_user_id_pk" PRIMARY KEY("round_id","respondent_user_id")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"respondent_user_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"answer" "response_answer" NOT NULL,
	"stage" smallint,
	"rationale" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_one_per_element" UNIQUE("round_id","respondent_user_id","element_key"),
	CONSTRAINT "responses_stage_matches_answer" CHECK (("responses"."answer" = 'stage' and "responses"."stage" between 1 and 5) or ("responses"."answer" <> 'stage' and "responses"."stage" is null))
);
--> statement-breakpoint
CREATE TABLE "round_invitees" (
	"task_force_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "round_invitees_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "task_forces" ADD COLUMN "framework_id" uuid;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_stages" ADD CONSTRAINT "agreed_stages_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_stages" ADD CONSTRAINT "agreed_stages_round_same_task_force_fk" FOREIGN KEY ("task_force_id","round_id") REFERENCES "public"."assessment_rounds"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "element_targets" ADD CONSTRAINT "element_targets_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "element_targets" ADD CONSTRAINT "element_targets_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_submissions" ADD CONSTRAINT "response_submissions_respondent_user_id_users_id_fk" FOREIGN KEY ("respondent_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_submissions" ADD CONSTRAINT "response_submissions_round_same_task_force_fk" FOREIGN KEY ("task_force_id","round_id") REFERENCES "public"."assessment_rounds"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_submissions" ADD CONSTRAINT "response_submissions_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_respondent_user_id_users_id_fk" FOREIGN KEY ("respondent_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_round_same_task_force_fk" FOREIGN KEY ("task_force_id","round_id") REFERENCES "public"."assessment_rounds"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_invitees" ADD CONSTRAINT "round_invitees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_invitees" ADD CONSTRAINT "round_invitees_round_same_task_force_fk" FOREIGN KEY ("task_force_id","round_id") REFERENCES "public"."assessment_rounds"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreed_stages_task_force_idx" ON "agreed_stages" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "assessment_rounds_task_force_idx" ON "assessment_rounds" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "response_submissions_task_force_idx" ON "response_submissions" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "responses_task_force_idx" ON "responses" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "round_invitees_task_force_idx" ON "round_invitees" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "notifications_task_force_idx" ON "notifications" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
ALTER TABLE "task_forces" ADD CONSTRAINT "task_forces_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE set null ON UPDATE no action;