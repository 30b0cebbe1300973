import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, taskForces } from "./taskForces";
import { users } from "./users";
import { REPORTING_CADENCES, REQUIREMENT_STATUSES, STATUS_CHANGE_SOURCES } from "../vocabulary/grants";

export * from "../vocabulary/grants";

export const reportingCadence = pgEnum("reporting_cadence", REPORTING_CADENCES);

export const requirementStatus = pgEnum("requirement_status", REQUIREMENT_STATUSES);

export const statusChangeSource = pgEnum("status_change_source", STATUS_CHANGE_SOURCES);

/**
 * A grant award the task force reports on. The funder is named as text: funders are outside
 * agencies, not member organizations of the task force.
 */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    funderName: text("funder_name").notNull(),
    program: text("program").notNull(),
    awardNumber: text("award_number").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
    matchTarget: numeric("match_target", { precision: 14, scale: 2, mode: "number" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    reportingCadence: reportingCadence("reporting_cadence").notNull().default("semiannual"),
    /** Optimistic lock: an edit names the version it was made on, so two coordinators never overwrite each other unseen. */
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("grants_task_force_idx").on(table.taskForceId),
    unique("grants_task_force_id_id_unique").on(table.taskForceId, table.id),
    uniqueIndex("grants_task_force_award_number_unique").on(table.taskForceId, sql`lower(${table.awardNumber})`),
    check("grants_period_order", sql`${table.periodEnd} > ${table.periodStart}`),
    check("grants_amount_not_negative", sql`${table.amount} >= 0`),
    check("grants_match_target_not_negative", sql`${table.matchTarget} is null or ${table.matchTarget} >= 0`),
  ],
);

/**
 * One requirement of an award, from a template (template_key) or the coordinator's own. When
 * `computed_key` names a calculator, the status shown is the calculator's unless a coordinator
 * overrode it with a reason; `status` is then only what was set by hand before.
 */
export const grantRequirements = pgTable(
  "grant_requirements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    grantId: uuid("grant_id").notNull(),
    templateKey: text("template_key"),
    computedKey: text("computed_key"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: requirementStatus("status").notNull().default("not_started"),
    overrideStatus: requirementStatus("override_status"),
    overrideReason: text("override_reason"),
    ownerOrganizationId: uuid("owner_organization_id"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("grant_requirements_task_force_idx").on(table.taskForceId),
    index("grant_requirements_grant_idx").on(table.taskForceId, table.grantId),
    unique("grant_requirements_task_force_id_id_unique").on(table.taskForceId, table.id),
    // Applying a template twice adds nothing: each template requirement exists once per award.
    uniqueIndex("grant_requirements_template_once")
      .on(table.grantId, table.templateKey)
      .where(sql`${table.templateKey} is not null`),
    foreignKey({
      name: "grant_requirements_grant_same_task_force_fk",
      columns: [table.taskForceId, table.grantId],
      foreignColumns: [grants.taskForceId, grants.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "grant_requirements_owner_organization_same_task_force_fk",
      columns: [table.taskForceId, table.ownerOrganizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    check(
      "grant_requirements_override_has_reason",
      sql`(${table.overrideStatus} is null) = (${table.overrideReason} is null) and (${table.overrideReason} is null or length(trim(${table.overrideReason})) > 0)`,
    ),
    check("grant_requirements_override_only_computed", sql`${table.overrideStatus} is null or ${table.computedKey} is not null`),
  ],
);

/**
 * The history of a requirement's status: one row each time the status it shows (override, else
 * computed, else set by hand) changed, with who and why for a coordinator's change. Rows are only
 * ever added (server/domains/grants/statusRecorder.ts writes them), so the state of every
 * requirement on a past date can be read back. `sequence` numbers a requirement's rows 1, 2, …: it
 * orders changes made in the same instant, and being unique it refuses a second copy of a change
 * that two processes recorded at once. `changed_at` is when the status changed as far as known;
 * `recorded_at` when the row was written (they differ for backfilled rows).
 */
export const requirementStatusChanges = pgTable(
  "requirement_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    requirementId: uuid("requirement_id").notNull(),
    sequence: integer("sequence").notNull(),
    status: requirementStatus("status").notNull(),
    source: statusChangeSource("source").notNull(),
    changedByUserId: uuid("changed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    changedAt: timestamp("changed_at", { withTimezone: true, precision: 3 }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    // Leads with the task force, so it also serves as the table's task-force index.
    uniqueIndex("requirement_status_changes_sequence_unique").on(table.taskForceId, table.requirementId, table.sequence),
    foreignKey({
      name: "requirement_status_changes_requirement_same_task_force_fk",
      columns: [table.taskForceId, table.requirementId],
      foreignColumns: [grantRequirements.taskForceId, grantRequirements.id],
    }).onDelete("cascade"),
    check("requirement_status_changes_sequence_positive", sql`${table.sequence} > 0`),
    check("requirement_status_changes_reason_of_override", sql`${table.reason} is null or ${table.source} in ('override', 'backfill')`),
  ],
);

/**
 * Proof behind a requirement: a typed link to a record of this task force (kind + record id, the
 * kinds are registered in server/domains/grants/evidenceKinds.ts) or an external address.
 * Kind is text, not an enum, so that a new kind of record is one registry entry and no migration.
 */
export const requirementEvidence = pgTable(
  "requirement_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    requirementId: uuid("requirement_id").notNull(),
    kind: text("kind").notNull(),
    recordId: uuid("record_id"),
    url: text("url"),
    label: text("label").notNull().default(""),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("requirement_evidence_task_force_idx").on(table.taskForceId),
    index("requirement_evidence_requirement_idx").on(table.taskForceId, table.requirementId),
    index("requirement_evidence_record_idx").on(table.taskForceId, table.kind, table.recordId),
    uniqueIndex("requirement_evidence_record_once")
      .on(table.requirementId, table.kind, table.recordId)
      .where(sql`${table.recordId} is not null`),
    foreignKey({
      name: "requirement_evidence_requirement_same_task_force_fk",
      columns: [table.taskForceId, table.requirementId],
      foreignColumns: [grantRequirements.taskForceId, grantRequirements.id],
    }).onDelete("cascade"),
    check("requirement_evidence_record_or_url", sql`(${table.recordId} is null) <> (${table.url} is null)`),
  ],
);

/*
 * The content of a generated report: written once, in the reader's language, from live data.
 * Numbers stay numbers and dates are YYYY-MM-DD strings typed by their column, so the XLSX gets
 * real numbers and dates.
 */
export type ReportColumn = (
  | { key: string; header: string; type: "text" | "number" | "date" }
  /** A percentage as a number of percent (12.5 is 12.5 %). */
  | { key: string; header: string; type: "percent" }
  /**
   * Amounts in `currency` (an ISO 4217 code), with cents as decimals: shown and exported as money.
   * The column carries its currency so a stored report still says what it was written in.
   */
  | { key: string; header: string; type: "money"; currency: string }
) & {
  /**
   * On the columns set beside a compared figure (server/domains/reports/comparison.rules.ts): the
   * column `of` whose figure they hold for the previous reporting period, or its change (a
   * difference, or a difference in percent of the previous figure). Absent on the others, and in
   * reports made before figures were compared.
   */
  comparison?: { of: string; role: ReportComparisonRole };
};

export type ReportComparisonRole = "previous" | "change" | "changePercent";

export type ReportCell = string | number | null;

/**
 * A figure that sums up a section. A compared one carries the previous period's figure and the
 * change (null where there is none: the award's first period, a change in percent of 0 or of a
 * percentage); one that is not compared, or a report made before figures were, has none of them.
 */
export interface ReportTotal {
  label: string;
  value: number;
  previous?: ReportCell;
  change?: ReportCell;
  changePercent?: ReportCell;
}

export interface ReportSectionContent {
  /** Builder key (server/domains/reports/sections.ts); also the sheet and CSV name. */
  key: string;
  title: string;
  /** The name of its sheet in XLSX files (at most 31 characters, Excel's limit); the title when absent. */
  sheetName?: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** Figures that sum up the section (e.g. requirements met). */
  totals: ReportTotal[];
  /** Headings of the totals (figure, this period, previous period, change, change in percent) when some are compared. */
  totalsHeader?: string[];
}

export interface ReportContent {
  title: string;
  taskForceName: string;
  taskForceSlug: string;
  grant: { funderName: string; program: string; awardNumber: string; amount: number; periodStart: string; periodEnd: string };
  period: { start: string; end: string; dueOn: string };
  /**
   * The reporting period whose figures stand beside this one's: null for an award's first period
   * (nothing to compare with); absent in reports made before figures were compared.
   */
  comparedWith?: { start: string; end: string } | null;
  sections: ReportSectionContent[];
  /** The language it was written in (its generator's); absent in reports made before there was a second language, which are English. */
  locale?: string;
}

/**
 * A progress report generated for one reporting period. The content is the snapshot that was
 * built from live data at that moment, so the print view, XLSX and CSV of one report always agree
 * and the record shows what was handed to the funder.
 */
export const grantReports = pgTable(
  "grant_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    grantId: uuid("grant_id").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** Who it was built for: "funder" content leaves out internal records (see reports.service.ts). */
    audience: text("audience").notNull(),
    content: jsonb("content").$type<ReportContent>().notNull(),
    generatedByUserId: uuid("generated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    generatedAt: timestamp("generated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("grant_reports_task_force_idx").on(table.taskForceId),
    index("grant_reports_grant_period_idx").on(table.taskForceId, table.grantId, table.periodEnd),
    foreignKey({
      name: "grant_reports_grant_same_task_force_fk",
      columns: [table.taskForceId, table.grantId],
      foreignColumns: [grants.taskForceId, grants.id],
    }).onDelete("cascade"),
    check("grant_reports_audience", sql`${table.audience} in ('internal', 'funder')`),
    check("grant_reports_period_order", sql`${table.periodEnd} >= ${table.periodStart}`),
  ],
);
