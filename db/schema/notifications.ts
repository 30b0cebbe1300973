import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTICE_DELIVERIES, type NoticeDelivery, type NoticeTopic } from "../vocabulary/notices";
import { taskForces } from "./taskForces";
import { users } from "./users";

export * from "../vocabulary/notices";

export interface NoticeAttachment {
  fileName: string;
  contentType: string;
  text: string;
}

const deliveryList = sql.raw(NOTICE_DELIVERIES.map((delivery) => `'${delivery}'`).join(", "));

/**
 * In-app notices (reminders and the like), always written. A dedupe key makes a reminder job safe to
 * run twice: the second insert is ignored. `delivery` is the email the person chose for its topic
 * when it was written (none when the server had no SMTP), and `emailedAt` when that email was
 * claimed for sending: the outbox that jobs/noticeMail.service.ts sends.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Message key under `notifications` in the catalogs; `values` fill it in. */
    kind: text("kind").notNull(),
    values: jsonb("values").$type<Record<string, string | number>>().notNull().default({}),
    link: text("link").notNull(),
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    delivery: text("delivery").$type<NoticeDelivery>().notNull().default("inApp"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    /** A file the email carries, made when the notice was: a meeting's calendar entry as it then stood. */
    attachment: jsonb("attachment").$type<NoticeAttachment>(),
  },
  (table) => [
    index("notifications_task_force_idx").on(table.taskForceId),
    index("notifications_user_unread_idx").on(table.userId, table.readAt),
    // The outbox: only notices still waiting for their email, which are few at one time.
    index("notifications_unsent_mail_idx")
      .on(table.delivery, table.createdAt)
      .where(sql`${table.emailedAt} is null and ${table.delivery} <> 'inApp'`),
    check("notifications_delivery_check", sql`${table.delivery} in (${deliveryList})`),
  ],
);

/**
 * What each person chose for a topic of notices (db/vocabulary/notices.ts). A topic without a row
 * gets its default. One choice across all the person's task forces: it is about how they work.
 */
export const noticePreferences = pgTable(
  "notice_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topic: text("topic").$type<NoticeTopic>().notNull(),
    delivery: text("delivery").$type<NoticeDelivery>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.topic] }),
    check("notice_preferences_delivery_check", sql`${table.delivery} in (${deliveryList})`),
  ],
);
