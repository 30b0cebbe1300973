import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, taskForces } from "./taskForces";
import { users } from "./users";
import { CONTRIBUTION_PERIOD_LENGTHS, CONTRIBUTION_REPORT_STATUSES } from "../vocabulary/contributions";

export * from "../vocabulary/contributions";

export const contributionPeriodLength = pgEnum("contribution_period_length", CONTRIBUTION_PERIOD_LENGTHS);

export const contributionReportStatus = pgEnum("contribution_report_status", CONTRIBUTION_REPORT_STATUSES);

/**
 * How a task force collects contributions. Money is kept in whole cents so that sums toward a grant
 * match are exact; a task force without a row uses the defaults of contributions.rules.ts.
 */
export const contributionSettings = pgTable(
  "contribution_settings",
  {
    taskForceId: uuid("task_force_id")
      .primaryKey()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    periodLength: contributionPeriodLength("period_length").notNull().default("quarter"),
    /** Value of one staff hour toward a match, in cents. */
    staffHourlyRateCents: integer("staff_hourly_rate_cents").notNull().default(0),
    /** Value of one paid survivor-consultant hour toward a match, in cents. */
    consultantHourlyRateCents: integer("consultant_hourly_rate_cents").notNull().default(0),
    /** A report is due this many days after its period ends; later submissions carry the late flag. */
    dueDays: smallint("due_days").notNull().default(30),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    check("contribution_settings_rates_not_negative", sql`${table.staffHourlyRateCents} >= 0 and ${table.consultantHourlyRateCents} >= 0`),
    check("contribution_settings_due_days_range", sql`${table.dueDays} between 0 and 366`),
  ],
);

/**
 * One organization's contributions for one reporting period ("2026-Q3" or "2026-09"), saved as a
 * draft, submitted, and possibly returned for correction. `version` is the optimistic lock.
 */
export const contributionReports = pgTable(
  "contribution_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull(),
    period: text("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    status: contributionReportStatus("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true, precision: 3 }),
    submittedByUserId: uuid("submitted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Submitted after the due date (period end + due days, in the task force's time zone). */
    late: boolean("late").notNull().default(false),
    returnedAt: timestamp("returned_at", { withTimezone: true, precision: 3 }),
    returnedByUserId: uuid("returned_by_user_id").references(() => users.id, { onDelete: "set null" }),
    returnedReason: text("returned_reason"),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("contribution_reports_task_force_idx").on(table.taskForceId),
    index("contribution_reports_task_force_period_idx").on(table.taskForceId, table.periodStart),
    unique("contribution_reports_task_force_id_id_unique").on(table.taskForceId, table.id),
    unique("contribution_reports_one_per_organization_period").on(table.taskForceId, table.organizationId, table.period),
    foreignKey({
      name: "contribution_reports_organization_same_task_force_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }).onDelete("cascade"),
    check("contribution_reports_period_format", sql`${table.period} ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'`),
    check("contribution_reports_period_order", sql`${table.periodStart} <= ${table.periodEnd}`),
    check("contribution_reports_submitted_at_matches_status", sql`(${table.status} = 'submitted') = (${table.submittedAt} is not null)`),
    check(
      "contribution_reports_returned_reason_required",
      sql`${table.status} <> 'returned' or (${table.returnedReason} is not null and length(trim(${table.returnedReason})) > 0)`,
    ),
  ],
);

/**
 * The numbers of a report, one row per measure (and sector or service type where the measure has
 * one; '' otherwise). Measures are a typed catalog in code (contributions.measures.ts); aggregate
 * numbers only, never people. A measure left blank has no row.
 */
export const contributionValues = pgTable(
  "contribution_values",
  {
    taskForceId: uuid("task_force_id").notNull(),
    reportId: uuid("report_id").notNull(),
    measure: text("measure").notNull(),
    dimension: text("dimension").notNull().default(""),
    value: numeric("value", { precision: 12, scale: 2, mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ name: "contribution_values_pk", columns: [table.reportId, table.measure, table.dimension] }),
    index("contribution_values_task_force_idx").on(table.taskForceId, table.measure),
    foreignKey({
      name: "contribution_values_report_same_task_force_fk",
      columns: [table.taskForceId, table.reportId],
      foreignColumns: [contributionReports.taskForceId, contributionReports.id],
    }).onDelete("cascade"),
    check("contribution_values_not_negative", sql`${table.value} >= 0`),
  ],
);

/** In-kind resources of a report: what was given (no survivor details) and its estimated value in cents. */
export const contributionInKindItems = pgTable(
  "contribution_in_kind_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    reportId: uuid("report_id").notNull(),
    position: smallint("position").notNull(),
    description: text("description").notNull(),
    estimatedValueCents: integer("estimated_value_cents").notNull(),
  },
  (table) => [
    index("contribution_in_kind_items_task_force_idx").on(table.taskForceId),
    index("contribution_in_kind_items_report_idx").on(table.reportId),
    foreignKey({
      name: "contribution_in_kind_items_report_same_task_force_fk",
      columns: [table.taskForceId, table.reportId],
      foreignColumns: [contributionReports.taskForceId, contributionReports.id],
    }).onDelete("cascade"),
    check("contribution_in_kind_items_value_not_negative", sql`${table.estimatedValueCents} >= 0`),
    check("contribution_in_kind_items_description_present", sql`length(trim(${table.description})) > 0`),
  ],
);

/**
 * What funders see of a period's victim-related counts: published once (when every expected report
 * is in or the reports are due), already suppressed, and replaced by a new version only when a late
 * report or a correction changes what may be shown (see server/domains/privacy/suppression.ts).
 * `cells` holds the shown numbers by column key, null where suppressed; `locked` the lines of which
 * something has been shown, whose later versions may only show less.
 */
export interface PublishedFigures {
  cells: Record<string, number | null>;
  locked: string[];
}

export const contributionPublications = pgTable(
  "contribution_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    version: integer("version").notNull(),
    figures: jsonb("figures").$type<PublishedFigures>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("contribution_publications_task_force_period_idx").on(table.taskForceId, table.period),
    unique("contribution_publications_one_per_version").on(table.taskForceId, table.period, table.version),
    check("contribution_publications_period_format", sql`${table.period} ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'`),
    check("contribution_publications_version_positive", sql`${table.version} >= 1`),
  ],
);
