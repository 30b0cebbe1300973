import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { assessmentRounds } from "./assessments";
import { meetings } from "./meetings";
import { organizations, taskForces } from "./taskForces";
import { users } from "./users";
import { ACTION_ITEM_STATUSES, GAP_EVENT_KINDS, GAP_PRIORITIES, GAP_STATUSES } from "../vocabulary/gaps";

export * from "../vocabulary/gaps";

export const gapPriority = pgEnum("gap_priority", GAP_PRIORITIES);

export const gapStatus = pgEnum("gap_status", GAP_STATUSES);

export const gapEventKind = pgEnum("gap_event_kind", GAP_EVENT_KINDS);

export const actionItemStatus = pgEnum("action_item_status", ACTION_ITEM_STATUSES);

/**
 * The distance between where an element stands and where the task force wants it. `version` is
 * the optimistic lock: every save names the version it was based on, and a stale one is refused.
 */
export const gaps = pgTable(
  "gaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    /** Stable framework key (e.g. "A.mou"); its area is the part before the first dot. */
    elementKey: text("element_key").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Links to the evidence behind the gap or its resolution (documents, meeting records). */
    evidenceLinks: text("evidence_links")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    priority: gapPriority("priority").notNull().default("medium"),
    currentStage: smallint("current_stage"),
    targetStage: smallint("target_stage"),
    ownerOrganizationId: uuid("owner_organization_id"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    status: gapStatus("status").notNull().default("open"),
    /** Why the gap is blocked or will not be fixed; required for those two statuses. */
    statusReason: text("status_reason"),
    /** The round the gap was found in, when it came from a suggestion. */
    sourceRoundId: uuid("source_round_id"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("gaps_task_force_idx").on(table.taskForceId),
    index("gaps_task_force_status_idx").on(table.taskForceId, table.status),
    unique("gaps_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "gaps_owner_organization_same_task_force_fk",
      columns: [table.taskForceId, table.ownerOrganizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    foreignKey({
      name: "gaps_source_round_same_task_force_fk",
      columns: [table.taskForceId, table.sourceRoundId],
      foreignColumns: [assessmentRounds.taskForceId, assessmentRounds.id],
    }),
    check("gaps_current_stage_range", sql`${table.currentStage} is null or ${table.currentStage} between 1 and 5`),
    check("gaps_target_stage_range", sql`${table.targetStage} is null or ${table.targetStage} between 1 and 5`),
    check(
      "gaps_status_reason_required",
      sql`${table.status} not in ('blocked', 'wont_fix') or (${table.statusReason} is not null and length(trim(${table.statusReason})) > 0)`,
    ),
    check("gaps_resolved_at_matches_status", sql`(${table.status} = 'resolved') = (${table.resolvedAt} is not null)`),
  ],
);

/**
 * A gap's timeline: status changes (from → to, with the note), comments (internal unless shared
 * with funders) and field updates. Rows are only ever added.
 */
export const gapEvents = pgTable(
  "gap_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    gapId: uuid("gap_id").notNull(),
    kind: gapEventKind("kind").notNull(),
    fromStatus: gapStatus("from_status"),
    toStatus: gapStatus("to_status"),
    body: text("body").notNull().default(""),
    sharedWithFunders: boolean("shared_with_funders").notNull().default(false),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("gap_events_task_force_idx").on(table.taskForceId),
    index("gap_events_gap_idx").on(table.gapId, table.createdAt),
    foreignKey({
      name: "gap_events_gap_same_task_force_fk",
      columns: [table.taskForceId, table.gapId],
      foreignColumns: [gaps.taskForceId, gaps.id],
    }).onDelete("cascade"),
    check("gap_events_status_change_has_to", sql`${table.kind} <> 'status_change' or ${table.toStatus} is not null`),
    check("gap_events_only_comments_shared", sql`${table.kind} = 'comment' or not ${table.sharedWithFunders}`),
  ],
);

/**
 * Work toward closing a gap, or standalone work. An item created in a meeting keeps the link
 * (meeting_id), so the meeting shows its actions and the next one can carry the open ones forward.
 */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    gapId: uuid("gap_id"),
    meetingId: uuid("meeting_id"),
    title: text("title").notNull(),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    assigneeOrganizationId: uuid("assignee_organization_id"),
    dueOn: date("due_on", { mode: "string" }),
    status: actionItemStatus("status").notNull().default("to_do"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("action_items_task_force_idx").on(table.taskForceId),
    index("action_items_gap_idx").on(table.taskForceId, table.gapId),
    index("action_items_meeting_idx").on(table.taskForceId, table.meetingId),
    index("action_items_assignee_idx").on(table.assigneeUserId),
    unique("action_items_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "action_items_gap_same_task_force_fk",
      columns: [table.taskForceId, table.gapId],
      foreignColumns: [gaps.taskForceId, gaps.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "action_items_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }),
    foreignKey({
      name: "action_items_assignee_organization_same_task_force_fk",
      columns: [table.taskForceId, table.assigneeOrganizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    check("action_items_completed_at_matches_status", sql`(${table.status} = 'done') = (${table.completedAt} is not null)`),
  ],
);
