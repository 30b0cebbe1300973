import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { taskForces } from "./taskForces";
import { users } from "./users";

export * from "../vocabulary/audit";

/** What changed in one field: the value before and after (null when absent). */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * One row per change to task-force data, written in the same transaction as the change itself
 * so that the log can never disagree with the data.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<AuditChanges>().notNull().default({}),
    // Millisecond precision, the precision of a JavaScript Date, so a page cursor compares exactly.
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("audit_log_task_force_page_idx").on(table.taskForceId, table.createdAt, table.id)],
);
