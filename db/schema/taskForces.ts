import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { frameworks } from "./frameworks";
import { TASK_FORCE_ROLES } from "../vocabulary/roles";
import { users } from "./users";
import { JURISDICTION_LEVELS, MEMBERSHIP_STATUSES, ORGANIZATION_ROLES } from "../vocabulary/taskForces";

export * from "../vocabulary/taskForces";

export const taskForceRole = pgEnum("task_force_role", TASK_FORCE_ROLES);

export const taskForces = pgTable("task_forces", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** IANA zone in which the task force's dates and meeting times are shown. */
  timeZone: text("time_zone").notNull().default("America/New_York"),
  /** The assessment framework the task force uses; null means the platform's default framework. */
  frameworkId: uuid("framework_id").references(() => frameworks.id, { onDelete: "set null" }),
  /** Discipline keys whose absence from the last full meetings the dashboard flags (see meetings). */
  coreDisciplines: text("core_disciplines")
    .array()
    .notNull()
    .default(sql`'{lawEnforcementLocalState,victimServices,prosecution}'::text[]`),
  /**
   * The smallest group of respondents whose rating statistics are shown to anyone but a
   * coordinator (server/domains/assessments/ratingPrivacy.ts); never below 3.
   */
  minRatingGroup: integer("min_rating_group").notNull().default(3),
  /** Made by the demo seed; every page shows a banner while one exists, and remove-demo deletes it. */
  isDemo: boolean("is_demo").notNull().default(false),
  /** When a coordinator hid the setup checklist from the dashboard before it was done (null: shown). */
  setupChecklistDismissedAt: timestamp("setup_checklist_dismissed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [check("task_forces_min_rating_group_check", sql`${table.minRatingGroup} >= 3`)]);

export const jurisdictionLevel = pgEnum("jurisdiction_level", JURISDICTION_LEVELS);

export const membershipStatus = pgEnum("membership_status", MEMBERSHIP_STATUSES);

export const organizationRole = pgEnum("organization_role", ORGANIZATION_ROLES);

/**
 * Member agencies of a task force: the directory record (disciplines, jurisdiction, status, role in
 * the task force). Status history, contacts, MOUs and protocols live in members.ts.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The one primary discipline (a key of server/domains/organizations/disciplines.ts). */
    primaryDiscipline: text("primary_discipline").notNull(),
    /** Further disciplines the agency covers, never repeating the primary one. */
    additionalDisciplines: text("additional_disciplines")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    jurisdictionLevel: jurisdictionLevel("jurisdiction_level"),
    address: text("address").notNull().default(""),
    region: text("region").notNull().default(""),
    website: text("website"),
    membershipStatus: membershipStatus("membership_status").notNull().default("active"),
    taskForceRole: organizationRole("task_force_role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("organizations_task_force_idx").on(table.taskForceId),
    // Target of composite foreign keys: children can only point at an organization of their own task force.
    unique("organizations_task_force_id_id_unique").on(table.taskForceId, table.id),
    uniqueIndex("organizations_task_force_name_unique").on(table.taskForceId, sql`lower(${table.name})`),
    check("organizations_primary_not_additional", sql`not (${table.primaryDiscipline} = any(${table.additionalDisciplines}))`),
    // One lead of each kind per task force (ECM "lead-pair"); co-leads may be several.
    uniqueIndex("organizations_one_lead_law_enforcement")
      .on(table.taskForceId)
      .where(sql`${table.taskForceRole} = 'lead_law_enforcement'`),
    uniqueIndex("organizations_one_lead_victim_services")
      .on(table.taskForceId)
      .where(sql`${table.taskForceRole} = 'lead_victim_services'`),
  ],
);

/**
 * A person's role in one task force. Ended memberships are kept (ended_at set) so that history,
 * such as who recorded what, stays readable; at most one membership per person is active.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: taskForceRole("role").notNull(),
    organizationId: uuid("organization_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("memberships_task_force_idx").on(table.taskForceId),
    index("memberships_user_idx").on(table.userId),
    uniqueIndex("memberships_one_active_per_person")
      .on(table.taskForceId, table.userId)
      .where(sql`${table.endedAt} is null`),
    foreignKey({
      name: "memberships_organization_same_task_force_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    check("memberships_member_has_organization", sql`${table.role} <> 'member' or ${table.organizationId} is not null`),
  ],
);

/**
 * A single-use, expiring invitation. Only a SHA-256 hash of the token is stored, so a database
 * leak does not hand out working links.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: taskForceRole("role").notNull(),
    organizationId: uuid("organization_id"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The language the inviter chose for the invitee: of the email, and of the account made from it. Null: English. */
    locale: text("locale"),
  },
  (table) => [
    index("invitations_task_force_idx").on(table.taskForceId),
    foreignKey({
      name: "invitations_organization_same_task_force_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
    check("invitations_member_has_organization", sql`${table.role} <> 'member' or ${table.organizationId} is not null`),
  ],
);
