import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { frameworkVersions } from "./frameworks";
import { organizations, taskForces } from "./taskForces";
import { users } from "./users";
import { RESPONSE_ANSWERS, ROUND_AUDIENCES, ROUND_STATUSES } from "../vocabulary/assessments";

export * from "../vocabulary/assessments";

export const roundStatus = pgEnum("assessment_round_status", ROUND_STATUSES);

export const responseAnswer = pgEnum("response_answer", RESPONSE_ANSWERS);

export const roundAudience = pgEnum("assessment_round_audience", ROUND_AUDIENCES);

export const assessmentRounds = pgTable(
  "assessment_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    frameworkVersionId: uuid("framework_version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    status: roundStatus("status").notNull().default("draft"),
    audience: roundAudience("audience").notNull().default("all"),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("assessment_rounds_task_force_idx").on(table.taskForceId),
    unique("assessment_rounds_task_force_id_id_unique").on(table.taskForceId, table.id),
    check("assessment_rounds_dates_ordered", sql`${table.closesOn} >= ${table.opensOn}`),
  ],
);

/** The people asked in a round whose audience is "chosen" (for "all", active members are asked). */
export const roundInvitees = pgTable(
  "round_invitees",
  {
    taskForceId: uuid("task_force_id").notNull(),
    roundId: uuid("round_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.roundId, table.userId] }),
    index("round_invitees_task_force_idx").on(table.taskForceId),
    foreignKey({
      name: "round_invitees_round_same_task_force_fk",
      columns: [table.taskForceId, table.roundId],
      foreignColumns: [assessmentRounds.taskForceId, assessmentRounds.id],
    }).onDelete("cascade"),
  ],
);

/**
 * One person's state in a round: when they started and submitted, and the organization and
 * discipline they answered for, kept as they were then so the discipline split stays true later.
 */
export const responseSubmissions = pgTable(
  "response_submissions",
  {
    taskForceId: uuid("task_force_id").notNull(),
    roundId: uuid("round_id").notNull(),
    respondentUserId: uuid("respondent_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id"),
    discipline: text("discipline"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.roundId, table.respondentUserId] }),
    index("response_submissions_task_force_idx").on(table.taskForceId),
    foreignKey({
      name: "response_submissions_round_same_task_force_fk",
      columns: [table.taskForceId, table.roundId],
      foreignColumns: [assessmentRounds.taskForceId, assessmentRounds.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "response_submissions_organization_same_task_force_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
  ],
);

/** One rating of one element by one respondent in one round. Drafts are saved as people type. */
export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    roundId: uuid("round_id").notNull(),
    respondentUserId: uuid("respondent_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    elementKey: text("element_key").notNull(),
    answer: responseAnswer("answer").notNull(),
    stage: smallint("stage"),
    rationale: text("rationale").notNull().default(""),
    evidence: text("evidence").notNull().default(""),
    evidenceLinks: text("evidence_links")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("responses_one_per_element").on(table.roundId, table.respondentUserId, table.elementKey),
    index("responses_task_force_idx").on(table.taskForceId),
    foreignKey({
      name: "responses_round_same_task_force_fk",
      columns: [table.taskForceId, table.roundId],
      foreignColumns: [assessmentRounds.taskForceId, assessmentRounds.id],
    }).onDelete("cascade"),
    check(
      "responses_stage_matches_answer",
      sql`(${table.answer} = 'stage' and ${table.stage} between 1 and 5) or (${table.answer} <> 'stage' and ${table.stage} is null)`,
    ),
  ],
);

/** The stage the task force agreed on for an element after discussing a round's results. */
export const agreedStages = pgTable(
  "agreed_stages",
  {
    taskForceId: uuid("task_force_id").notNull(),
    roundId: uuid("round_id").notNull(),
    elementKey: text("element_key").notNull(),
    stage: smallint("stage").notNull(),
    note: text("note").notNull().default(""),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.roundId, table.elementKey] }),
    index("agreed_stages_task_force_idx").on(table.taskForceId),
    foreignKey({
      name: "agreed_stages_round_same_task_force_fk",
      columns: [table.taskForceId, table.roundId],
      foreignColumns: [assessmentRounds.taskForceId, assessmentRounds.id],
    }).onDelete("cascade"),
    check("agreed_stages_stage_range", sql`${table.stage} between 1 and 5`),
  ],
);

/** The stage a task force aims for on an element in this grant period. */
export const elementTargets = pgTable(
  "element_targets",
  {
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    elementKey: text("element_key").notNull(),
    stage: smallint("stage").notNull(),
    note: text("note").notNull().default(""),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.taskForceId, table.elementKey] }),
    check("element_targets_stage_range", sql`${table.stage} between 1 and 5`),
  ],
);
