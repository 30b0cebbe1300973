import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { taskForces } from "./taskForces";
import { users } from "./users";

/*
 * Funding programs: one grant program of one funder ("State ECM program 2026"), given to the
 * funder's program officers once and covering every task force it funds. Whoever is a funder of a
 * program reaches each task force it covers with the funder role, without a membership
 * (server/domains/access): the program, not an invitation per task force, is what gives access, and
 * taking a task force out of the program takes the access away.
 *
 * Platform data, like users: a program belongs to no task force. Its coverage rows carry
 * task_force_id but are this installation's own (archive.tables.ts INSTANCE_TABLES): another
 * installation has its own programs.
 */

export const fundingPrograms = pgTable(
  "funding_programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The funder the program officers work for, as the coordinators choosing a program see it. */
    funderOrganization: text("funder_organization").notNull(),
    description: text("description").notNull().default(""),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Made by the demo seed; removing the demo data deletes it (server/domains/demo). */
    isDemo: boolean("is_demo").notNull().default(false),
  },
  // Coordinators pick a program by its name: two of the same name could not be told apart.
  (table) => [uniqueIndex("funding_programs_name_unique").on(sql`lower(${table.name})`)],
);

/** The funder's program officers: each reaches every task force the program covers. */
export const fundingProgramFunders = pgTable(
  "funding_program_funders",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => fundingPrograms.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedByUserId: uuid("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.programId, table.userId] }), index("funding_program_funders_user_idx").on(table.userId)],
);

/** The task forces a program funds. Removing a row removes its funders' access to that task force. */
export const fundingProgramTaskForces = pgTable(
  "funding_program_task_forces",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => fundingPrograms.id, { onDelete: "cascade" }),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    addedByUserId: uuid("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.programId, table.taskForceId] }), index("funding_program_task_forces_task_force_idx").on(table.taskForceId)],
);
