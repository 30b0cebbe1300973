CREATE TABLE "funding_program_funders" (
	"program_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_program_funders_program_id_user_id_pk" PRIMARY KEY("program_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "funding_program_task_forces" (
	"program_id" uuid NOT NULL,
	"task_force_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_program_task_forces_program_id_task_force_id_pk" PRIMARY KEY("program_id","task_force_id")
);
--> statement-breakpoint
CREATE TABLE "funding_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"funder_organization" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_program_funders" ADD CONSTRAINT "funding_program_funders_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_program_funders" ADD CONSTRAINT "funding_program_funders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_program_funders" ADD CONSTRAINT "funding_program_funders_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_program_task_forces" ADD CONSTRAINT "funding_program_task_forces_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_program_task_forces" ADD CONSTRAINT "funding_program_task_forces_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_program_task_forces" ADD CONSTRAINT "funding_program_task_forces_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programs" ADD CONSTRAINT "funding_programs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_program_funders_user_idx" ON "funding_program_funders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_program_task_forces_task_force_idx" ON "funding_program_task_forces" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_programs_name_unique" ON "funding_programs" USING btree (lower("name"));