DROP INDEX "audit_log_task_force_created_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
CREATE INDEX "audit_log_task_force_page_idx" ON "audit_log" USING btree ("task_force_id","created_at","id");