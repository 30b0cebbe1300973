CREATE TYPE "public"."jurisdiction_level" AS ENUM('local', 'state', 'tribal', 'federal', 'non_governmental');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('prospective', 'active', 'inactive', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."organization_role" AS ENUM('lead_law_enforcement', 'lead_victim_services', 'co_lead', 'member', 'affiliate');--> statement-breakpoint
CREATE TYPE "public"."mou_status" AS ENUM('draft', 'signed', 'expired', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."protocol_status" AS ENUM('draft', 'adopted', 'under_review');--> statement-breakpoint
CREATE TYPE "public"."protocol_topic" AS ENUM('information_sharing', 'deaf_hard_of_hearing_access', 'language_access', 'referrals', 'media', 'confidentiality', 'data_collection', 'grant_reporting', 'other');--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "documents_size_matches" CHECK ("documents"."size_bytes" = octet_length("documents"."content"))
);
--> statement-breakpoint
CREATE TABLE "mou_parties" (
	"task_force_id" uuid NOT NULL,
	"mou_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "mou_parties_pk" PRIMARY KEY("mou_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "mou_signatories" (
	"task_force_id" uuid NOT NULL,
	"mou_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signing_title" text DEFAULT '' NOT NULL,
	CONSTRAINT "mou_signatories_pk" PRIMARY KEY("mou_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "mous" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "mou_status" DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"effective_on" date,
	"expires_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"shared_with_funders" boolean DEFAULT false NOT NULL,
	"owner_user_id" uuid,
	"document_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mous_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "mous_expiry_after_effective" CHECK ("mous"."expires_on" is null or "mous"."effective_on" is null or "mous"."expires_on" >= "mous"."effective_on"),
	CONSTRAINT "mous_signed_has_date" CHECK ("mous"."status" <> 'signed' or "mous"."signed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "organization_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"work_email" text,
	"work_phone" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_contacts_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "organization_contacts_reachable" CHECK ("organization_contacts"."work_email" is not null or "organization_contacts"."work_phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "organization_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" "membership_status" NOT NULL,
	"effective_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_force_id" uuid NOT NULL,
	"topic" "protocol_topic" NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"status" "protocol_status" DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"next_review_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"shared_with_funders" boolean DEFAULT false NOT NULL,
	"document_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protocols_task_force_id_id_unique" UNIQUE("task_force_id","id"),
	CONSTRAINT "protocols_other_has_title" CHECK ("protocols"."topic" <> 'other' or length(trim("protocols"."title")) > 0),
	CONSTRAINT "protocols_adopted_has_date" CHECK ("protocols"."status" = 'draft' or "protocols"."adopted_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "additional_disciplines" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "jurisdiction_level" "jurisdiction_level";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "region" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "membership_status" "membership_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "task_force_role" "organization_role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_parties" ADD CONSTRAINT "mou_parties_mou_fk" FOREIGN KEY ("task_force_id","mou_id") REFERENCES "public"."mous"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_parties" ADD CONSTRAINT "mou_parties_organization_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatories" ADD CONSTRAINT "mou_signatories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mou_signatories" ADD CONSTRAINT "mou_signatories_mou_fk" FOREIGN KEY ("task_force_id","mou_id") REFERENCES "public"."mous"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mous" ADD CONSTRAINT "mous_document_same_task_force_fk" FOREIGN KEY ("task_force_id","document_id") REFERENCES "public"."documents"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_contacts" ADD CONSTRAINT "organization_contacts_organization_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_status_history" ADD CONSTRAINT "organization_status_history_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_status_history" ADD CONSTRAINT "organization_status_history_organization_fk" FOREIGN KEY ("task_force_id","organization_id") REFERENCES "public"."organizations"("task_force_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_task_force_id_task_forces_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."task_forces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_document_same_task_force_fk" FOREIGN KEY ("task_force_id","document_id") REFERENCES "public"."documents"("task_force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_task_force_idx" ON "documents" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "mou_parties_task_force_idx" ON "mou_parties" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "mou_parties_organization_idx" ON "mou_parties" USING btree ("task_force_id","organization_id");--> statement-breakpoint
CREATE INDEX "mou_signatories_task_force_idx" ON "mou_signatories" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "mou_signatories_user_idx" ON "mou_signatories" USING btree ("task_force_id","user_id");--> statement-breakpoint
CREATE INDEX "mous_task_force_idx" ON "mous" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "mous_task_force_expiry_idx" ON "mous" USING btree ("task_force_id","expires_on");--> statement-breakpoint
CREATE INDEX "organization_contacts_task_force_idx" ON "organization_contacts" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "organization_contacts_organization_idx" ON "organization_contacts" USING btree ("task_force_id","organization_id");--> statement-breakpoint
CREATE INDEX "organization_status_history_task_force_idx" ON "organization_status_history" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "organization_status_history_organization_idx" ON "organization_status_history" USING btree ("task_force_id","organization_id","effective_on");--> statement-breakpoint
CREATE INDEX "protocols_task_force_idx" ON "protocols" USING btree ("task_force_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_one_lead_law_enforcement" ON "organizations" USING btree ("task_force_id") WHERE "organizations"."task_force_role" = 'lead_law_enforcement';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_one_lead_victim_services" ON "organizations" USING btree ("task_force_id") WHERE "organizations"."task_force_role" = 'lead_victim_services';--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_primary_not_additional" CHECK (not ("organizations"."primary_discipline" = any("organizations"."additional_disciplines")));