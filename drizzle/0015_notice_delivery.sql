CREATE TABLE "notice_preferences" (
	"user_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"delivery" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_preferences_user_id_topic_pk" PRIMARY KEY("user_id","topic"),
	CONSTRAINT "notice_preferences_delivery_check" CHECK ("notice_preferences"."delivery" in ('inApp', 'email', 'digest'))
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery" text DEFAULT 'inApp' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "attachment" jsonb;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unsent_mail_idx" ON "notifications" USING btree ("delivery","created_at") WHERE "notifications"."emailed_at" is null and "notifications"."delivery" <> 'inApp';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_delivery_check" CHECK ("notifications"."delivery" in ('inApp', 'email', 'digest'));