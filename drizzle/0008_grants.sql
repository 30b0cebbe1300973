CREATE TYPE "public"."reporting_cadence" AS ENUM('semiannual', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."requirement_status" AS ENUM('not_started', 'in_progress', 'met', 'not_applicable');--> statement-breakpoint
CREATE TABLE "grant_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"audience" text NOT NULL,
	"content" jsonb NOT NULL,
	"generated_by_user_id" uuid,
	"generated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_reports_audience" CHECK ("grant_reports"."audience" in ('internal', 'funder')),
	CONSTRAINT "grant_reports_period_order" CHECK ("grant_reports"."period_end" >= "grant_reports"."period_start")
);
--> statement-breakpoint
CREATE TABLE "grant_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"template_key" text,
	"computed_key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "requirement_status" DEFAULT 'not_started' NOT NULL,
	"override_status" "requirement_status",
	"override_reason" text,
	"owner_organization_id" uuid,
	"owner_user_id" uuid,
	"due_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_requirements_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "grant_requirements_override_has_reason" CHECK (("grant_requirements"."override_status" is null) = ("grant_requirements"."override_reason" is null) and ("grant_requirements"."override_reason" is null or length(trim("grant_requirements"."override_reason")) > 0)),
	CONSTRAINT "grant_requirements_override_only_computed" CHECK ("grant_requirements"."override_status" is null or "grant_requirements"."computed_key" is not null)
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"funder_name" text NOT NULL,
	"program" text NOT NULL,
	"award_number" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"match_target" numeric(14, 2),
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"reporting_cadence" "reporting_cadence" DEFAULT 'semiannual' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "grants_period_order" CHECK ("grants"."period_end" > "grants"."period_start"),
	CONSTRAINT "grants_amount_not_negative" CHECK ("grants"."amount" >= 0),
	CONSTRAINT "grants_match_target_not_negative" CHECK ("grants"."match_target" is null or "grants"."match_target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "requirement_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid,
	"url" text,
	"label" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_evidence_record_or_url" CHECK (("requirement_evidence"."record_id" is null) <> ("requirement_evidence"."url" is null))
);
--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_generated_by_user_id_users_id_fk" FOREIGN KEY ("generated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_grant_same_task_force_fk" FOREIGN KEY ("task_force_id","grant_id") REFERENCES "public"."grants"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requirements" ADD CONSTRAINT "grant_requirements_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requirements" ADD CONSTRAINT "grant_requirements_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requirements" ADD CONSTRAINT "grant_requirements_grant_same_task_force_fk" FOREIGN KEY ("task_force_id","grant_id") REFERENCES "public"."grants"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requirements" ADD CONSTRAINT "grant_requirements_owner_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","owner_organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_evidence" ADD CONSTRAINT "requirement_evidence_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_evidence" ADD CONSTRAINT "requirement_evidence_requirement_same_task_force_fk" FOREIGN KEY ("task_force_id","requirement_id") REFERENCES "public"."grant_requirements"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_reports_task_force_idx" ON "grant_reports" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "grant_reports_grant_period_idx" ON "grant_reports" USING btree ("task_force_id","grant_id","period_end");--> statement-breakpoint
CREATE INDEX "grant_requirements_task_force_idx" ON "grant_requirements" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "grant_requirements_grant_idx" ON "grant_requirements" USING btree ("task_force_id","grant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_requirements_template_once" ON "grant_requirements" USING btree ("grant_id","template_key") WHERE "grant_requirements"."template_key" is not null;--> statement-breakpoint
CREATE INDEX "grants_task_force_idx" ON "grants" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_task_force_award_number_unique" ON "grants" USING btree ("task_force_id",lower("award_number"));--> statement-breakpoint
CREATE INDEX "requirement_evidence_task_force_idx" ON "requirement_evidence" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "requirement_evidence_requirement_idx" ON "requirement_evidence" USING btree ("task_force_id","requirement_id");--> statement-breakpoint
CREATE INDEX "requirement_evidence_record_idx" ON "requirement_evidence" USING btree ("task_force_id","kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_evidence_record_once" ON "requirement_evidence" USING btree ("requirement_id","kind","record_id") WHERE "requirement_evidence"."record_id" is not null;