import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { taskForces } from "./taskForces";
import { users } from "./users";

/**
 * In-app notices (reminders and the like), always written; email is sent in addition when SMTP is
 * configured. A dedupe key makes a reminder job safe to run twice: the second insert is ignored.
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
  },
  (table) => [
    index("notifications_task_force_idx").on(table.taskForceId),
    index("notifications_user_unread_idx").on(table.userId, table.readAt),
  ],
);
