import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { actionItems } from "./gaps";
import { ATTENDANCE_STATUSES, DECISION_STATUSES, MEETING_STATUSES, MEETING_TYPES, MINUTES_STATUSES } from "../vocabulary/meetings";
import { organizations, taskForces } from "./taskForces";
import { users } from "./users";

export * from "../vocabulary/meetings";

export const meetingType = pgEnum("meeting_type", MEETING_TYPES);
export const meetingStatus = pgEnum("meeting_status", MEETING_STATUSES);
export const attendanceStatus = pgEnum("attendance_status", ATTENDANCE_STATUSES);
export const minutesStatus = pgEnum("minutes_status", MINUTES_STATUSES);
export const decisionStatus = pgEnum("decision_status", DECISION_STATUSES);

/** A standing body of the task force (victim services, training, data …) with a chair agency and, optionally, a chair person. */
export const committees = pgTable(
  "committees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    chairOrganizationId: uuid("chair_organization_id"),
    /** The person who chairs; they manage the committee's meetings like a coordinator does. */
    chairUserId: uuid("chair_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("committees_task_force_idx").on(table.taskForceId),
    unique("committees_task_force_id_id_unique").on(table.taskForceId, table.id),
    uniqueIndex("committees_task_force_name_unique").on(table.taskForceId, sql`lower(${table.name})`),
    foreignKey({
      name: "committees_chair_organization_same_task_force_fk",
      columns: [table.taskForceId, table.chairOrganizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
  ],
);

/** People on a committee; members see the meetings of committees they sit on. */
export const committeeMembers = pgTable(
  "committee_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    committeeId: uuid("committee_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("committee_members_task_force_idx").on(table.taskForceId),
    uniqueIndex("committee_members_committee_user_unique").on(table.committeeId, table.userId),
    index("committee_members_user_idx").on(table.userId),
    foreignKey({
      name: "committee_members_committee_same_task_force_fk",
      columns: [table.taskForceId, table.committeeId],
      foreignColumns: [committees.taskForceId, committees.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A dated meeting of the full task force (committee_id null) or of one committee. Times are
 * instants; `time_zone` is the IANA zone the meeting was planned in (shown and written to ICS).
 * Minutes are approved as one record for the whole meeting (the body votes on them together),
 * so their status, approver and funder sharing live here, and per-item texts in `minutes`.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    committeeId: uuid("committee_id"),
    title: text("title").notNull(),
    type: meetingType("type").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    videoUrl: text("video_url"),
    status: meetingStatus("status").notNull().default("scheduled"),
    minutesStatus: minutesStatus("minutes_status").notNull().default("draft"),
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true }),
    minutesApprovedByUserId: uuid("minutes_approved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    minutesSharedWithFunders: boolean("minutes_shared_with_funders").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("meetings_task_force_idx").on(table.taskForceId),
    index("meetings_task_force_starts_idx").on(table.taskForceId, table.startsAt),
    unique("meetings_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "meetings_committee_same_task_force_fk",
      columns: [table.taskForceId, table.committeeId],
      foreignColumns: [committees.taskForceId, committees.id],
    }),
    check("meetings_ends_after_start", sql`${table.endsAt} > ${table.startsAt}`),
    check("meetings_full_task_force_has_no_committee", sql`${table.type} <> 'full_task_force' or ${table.committeeId} is null`),
    check(
      "meetings_approval_matches_status",
      sql`(${table.minutesStatus} = 'approved') = (${table.minutesApprovedAt} is not null)`,
    ),
    check("meetings_only_approved_minutes_shared", sql`${table.minutesStatus} = 'approved' or not ${table.minutesSharedWithFunders}`),
  ],
);

/**
 * One point of a meeting's agenda. `needs_decision` marks an item the body has to decide; one with
 * no decision recorded is carried forward to the next meeting, as is an open action item
 * (`carried_action_item_id`).
 */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenterUserId: uuid("presenter_user_id").references(() => users.id, { onDelete: "set null" }),
    presenterOrganizationId: uuid("presenter_organization_id"),
    minutesAllotted: smallint("minutes_allotted"),
    notes: text("notes").notNull().default(""),
    needsDecision: boolean("needs_decision").notNull().default(false),
    carriedActionItemId: uuid("carried_action_item_id"),
    carriedFromAgendaItemId: uuid("carried_from_agenda_item_id"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("agenda_items_task_force_idx").on(table.taskForceId),
    index("agenda_items_meeting_idx").on(table.meetingId, table.position),
    unique("agenda_items_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "agenda_items_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "agenda_items_presenter_organization_same_task_force_fk",
      columns: [table.taskForceId, table.presenterOrganizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    foreignKey({
      name: "agenda_items_carried_action_same_task_force_fk",
      columns: [table.taskForceId, table.carriedActionItemId],
      foreignColumns: [actionItems.taskForceId, actionItems.id],
    }),
    check("agenda_items_minutes_allotted_range", sql`${table.minutesAllotted} is null or ${table.minutesAllotted} between 1 and 600`),
  ],
);

/**
 * Who was at the table: a person (user_id, with the organization they came for) or an agency as a
 * whole (user_id null). `discipline` is the organization's primary discipline when recorded, so
 * coverage history stays true when an agency later changes.
 */
export const attendance = pgTable(
  "attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    organizationId: uuid("organization_id"),
    status: attendanceStatus("status").notNull(),
    discipline: text("discipline"),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("attendance_task_force_idx").on(table.taskForceId),
    index("attendance_meeting_idx").on(table.meetingId),
    uniqueIndex("attendance_meeting_person_unique").on(table.meetingId, table.userId).where(sql`${table.userId} is not null`),
    uniqueIndex("attendance_meeting_organization_unique")
      .on(table.meetingId, table.organizationId)
      .where(sql`${table.userId} is null`),
    foreignKey({
      name: "attendance_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "attendance_organization_same_task_force_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    check("attendance_person_or_organization", sql`${table.userId} is not null or ${table.organizationId} is not null`),
  ],
);

/** The minutes text (markdown) of one agenda item. */
export const minutes = pgTable(
  "minutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    agendaItemId: uuid("agenda_item_id").notNull(),
    body: text("body").notNull().default(""),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("minutes_task_force_idx").on(table.taskForceId),
    uniqueIndex("minutes_agenda_item_unique").on(table.agendaItemId),
    foreignKey({
      name: "minutes_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "minutes_agenda_item_same_task_force_fk",
      columns: [table.taskForceId, table.agendaItemId],
      foreignColumns: [agendaItems.taskForceId, agendaItems.id],
    }).onDelete("cascade"),
  ],
);

/** Members' comments on draft minutes. */
export const minuteComments = pgTable(
  "minute_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    body: text("body").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("minute_comments_task_force_idx").on(table.taskForceId),
    index("minute_comments_meeting_idx").on(table.meetingId, table.createdAt),
    foreignKey({
      name: "minute_comments_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }).onDelete("cascade"),
  ],
);

/** What a meeting decided, and whether it is still in effect, so a decision can be found and marked done later. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    agendaItemId: uuid("agenda_item_id"),
    text: text("text").notNull(),
    outcome: text("outcome").notNull().default(""),
    status: decisionStatus("status").notNull().default("in_effect"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("decisions_task_force_idx").on(table.taskForceId),
    index("decisions_meeting_idx").on(table.meetingId),
    foreignKey({
      name: "decisions_meeting_same_task_force_fk",
      columns: [table.taskForceId, table.meetingId],
      foreignColumns: [meetings.taskForceId, meetings.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "decisions_agenda_item_same_task_force_fk",
      columns: [table.taskForceId, table.agendaItemId],
      foreignColumns: [agendaItems.taskForceId, agendaItems.id],
    }),
  ],
);

/**
 * A person's secret calendar feed for one task force. Only the SHA-256 hash of the token is kept;
 * revoking sets revoked_at, and at most one token per person and task force is live.
 */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    index("calendar_tokens_task_force_idx").on(table.taskForceId),
    uniqueIndex("calendar_tokens_one_live_per_person")
      .on(table.taskForceId, table.userId)
      .where(sql`${table.revokedAt} is null`),
  ],
);
