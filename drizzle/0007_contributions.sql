CREATE TYPE "public"."contribution_period_length" AS ENUM('quarter', 'month');--> statement-breakpoint
CREATE TYPE "public"."contribution_report_status" AS ENUM('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE TABLE "contribution_in_kind_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"description" text NOT NULL,
	"estimated_value_cents" integer NOT NULL,
	CONSTRAINT "contribution_in_kind_items_value_not_negative" CHECK ("contribution_in_kind_items"."estimated_value_cents" >= 0),
	CONSTRAINT "contribution_in_kind_items_description_present" CHECK (length(trim("contribution_in_kind_items"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "contribution_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" "contribution_report_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by_user_id" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"returned_at" timestamp (3) with time zone,
	"returned_by_user_id" uuid,
	"returned_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"updated_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_reports_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "contribution_reports_one_per_organization_period" UNIQUE("task_force_id","organization_id","period"),
	CONSTRAINT "contribution_reports_period_format" CHECK ("contribution_reports"."period" ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
	CONSTRAINT "contribution_reports_period_order" CHECK ("contribution_reports"."period_start" <= "contribution_reports"."period_end"),
	CONSTRAINT "contribution_reports_submitted_at_matches_status" CHECK (("contribution_reports"."status" = 'submitted') = ("contribution_reports"."submitted_at" is not null)),
	CONSTRAINT "contribution_reports_returned_reason_required" CHECK ("contribution_reports"."status" <> 'returned' or ("contribution_reports"."returned_reason" is not null and length(trim("contribution_reports"."returned_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "contribution_settings" (
	"task_force_id" uuid PRIMARY KEY NOT NULL,
	"period_length" "contribution_period_length" DEFAULT 'quarter' NOT NULL,
	"staff_hourly_rate_cents" integer DEFAULT 0 NOT NULL,
	"consultant_hourly_rate_cents" integer DEFAULT 0 NOT NULL,
	"due_days" smallint DEFAULT 30 NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_settings_rates_not_negative" CHECK ("contribution_settings"."staff_hourly_rate_cents" >= 0 and "contribution_settings"."consultant_hourly_rate_cents" >= 0),
	CONSTRAINT "contribution_settings_due_days_range" CHECK ("contribution_settings"."due_days" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "contribution_values" (
	"task_force_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"value" numeric(12, 2) NOT NULL,
	CONSTRAINT "contribution_values_pk" PRIMARY KEY("report_id","measure","dimension"),
	CONSTRAINT "contribution_values_not_negative" CHECK ("contribution_values"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contribution_in_kind_items" ADD CONSTRAINT "contribution_in_kind_items_report_same_task_force_fk" FOREIGN KEY ("task_force_id","report_id") REFERENCES "public"."contribution_reports"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_returned_by_user_id_users_id_fk" FOREIGN KEY ("returned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reports" ADD CONSTRAINT "contribution_reports_organization_same_task_force_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_settings" ADD CONSTRAINT "contribution_settings_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_settings" ADD CONSTRAINT "contribution_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_values" ADD CONSTRAINT "contribution_values_report_same_task_force_fk" FOREIGN KEY ("task_force_id","report_id") REFERENCES "public"."contribution_reports"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_in_kind_items_task_force_idx" ON "contribution_in_kind_items" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "contribution_in_kind_items_report_idx" ON "contribution_in_kind_items" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "contribution_reports_task_force_idx" ON "contribution_reports" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "contribution_reports_task_force_period_idx" ON "contribution_reports" USING btree ("task_force_id","period_start");--> statement-breakpoint
CREATE INDEX "contribution_values_task_force_idx" ON "contribution_values" USING btree ("task_force_id","measure");