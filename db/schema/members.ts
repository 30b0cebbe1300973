import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { membershipStatus, organizations, taskForces } from "./taskForces";
import { users } from "./users";
import { MOU_STATUSES, PROTOCOL_STATUSES, PROTOCOL_TOPICS } from "../vocabulary/members";

export * from "../vocabulary/members";

/**
 * Raw bytes (PostgreSQL bytea). postgres.js sends and returns Buffers, PGlite Uint8Arrays; both take
 * a Buffer, and callers get a plain Uint8Array either way.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/** Dated history of an organization's membership status: one row per change, only ever added. */
export const organizationStatusHistory = pgTable(
  "organization_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    status: membershipStatus("status").notNull(),
    /** The day the status took effect (the task force's calendar). */
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("organization_status_history_task_force_idx").on(table.taskForceId),
    index("organization_status_history_organization_idx").on(table.taskForceId, table.organizationId, table.effectiveOn),
    foreignKey({
      name: "organization_status_history_organization_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }).onDelete("cascade"),
  ],
);

/** Staff contacts of a member agency (never survivors): work details only. */
export const organizationContacts = pgTable(
  "organization_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    workEmail: text("work_email"),
    workPhone: text("work_phone"),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("organization_contacts_task_force_idx").on(table.taskForceId),
    index("organization_contacts_organization_idx").on(table.taskForceId, table.organizationId),
    unique("organization_contacts_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "organization_contacts_organization_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }).onDelete("cascade"),
    check("organization_contacts_reachable", sql`${table.workEmail} is not null or ${table.workPhone} is not null`),
  ],
);

/**
 * An uploaded file, its bytes kept in the database (bytea) so a self-hosted install needs no object
 * store. Records (MOUs, protocols) point at it; type and size were checked on the way in.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("documents_task_force_idx").on(table.taskForceId),
    unique("documents_task_force_id_id_unique").on(table.taskForceId, table.id),
    check("documents_size_matches", sql`${table.sizeBytes} = octet_length(${table.content})`),
  ],
);

export const mouStatus = pgEnum("mou_status", MOU_STATUSES);

/** A memorandum of understanding between two or more member organizations. */
export const mous = pgTable(
  "mous",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: mouStatus("status").notNull().default("draft"),
    signedOn: date("signed_on", { mode: "string" }),
    effectiveOn: date("effective_on", { mode: "string" }),
    expiresOn: date("expires_on", { mode: "string" }),
    notes: text("notes").notNull().default(""),
    sharedWithFunders: boolean("shared_with_funders").notNull().default(false),
    /** Who looks after renewal; they get the renewal notices beside the coordinators. */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    documentId: uuid("document_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("mous_task_force_idx").on(table.taskForceId),
    index("mous_task_force_expiry_idx").on(table.taskForceId, table.expiresOn),
    unique("mous_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "mous_document_same_task_force_fk",
      columns: [table.taskForceId, table.documentId],
      foreignColumns: [documents.taskForceId, documents.id],
    }),
    check("mous_expiry_after_effective", sql`${table.expiresOn} is null or ${table.effectiveOn} is null or ${table.expiresOn} >= ${table.effectiveOn}`),
    check("mous_signed_has_date", sql`${table.status} <> 'signed' or ${table.signedOn} is not null`),
  ],
);

export const mouParties = pgTable(
  "mou_parties",
  {
    taskForceId: uuid("task_force_id").notNull(),
    mouId: uuid("mou_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
  },
  (table) => [
    primaryKey({ name: "mou_parties_pk", columns: [table.mouId, table.organizationId] }),
    index("mou_parties_task_force_idx").on(table.taskForceId),
    index("mou_parties_organization_idx").on(table.taskForceId, table.organizationId),
    foreignKey({
      name: "mou_parties_mou_fk",
      columns: [table.taskForceId, table.mouId],
      foreignColumns: [mous.taskForceId, mous.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "mou_parties_organization_fk",
      columns: [table.taskForceId, table.organizationId],
      foreignColumns: [organizations.taskForceId, organizations.id],
    }),
  ],
);

/** A person of the task force who signs (or signed) an MOU, with the title they sign under. */
export const mouSignatories = pgTable(
  "mou_signatories",
  {
    taskForceId: uuid("task_force_id").notNull(),
    mouId: uuid("mou_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    signingTitle: text("signing_title").notNull().default(""),
  },
  (table) => [
    primaryKey({ name: "mou_signatories_pk", columns: [table.mouId, table.userId] }),
    index("mou_signatories_task_force_idx").on(table.taskForceId),
    index("mou_signatories_user_idx").on(table.taskForceId, table.userId),
    foreignKey({
      name: "mou_signatories_mou_fk",
      columns: [table.taskForceId, table.mouId],
      foreignColumns: [mous.taskForceId, mous.id],
    }).onDelete("cascade"),
  ],
);

export const protocolTopic = pgEnum("protocol_topic", PROTOCOL_TOPICS);

export const protocolStatus = pgEnum("protocol_status", PROTOCOL_STATUSES);

export const protocols = pgTable(
  "protocols",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskForceId: uuid("task_force_id")
      .notNull()
      .references(() => taskForces.id, { onDelete: "cascade" }),
    topic: protocolTopic("topic").notNull(),
    title: text("title").notNull().default(""),
    status: protocolStatus("status").notNull().default("draft"),
    adoptedOn: date("adopted_on", { mode: "string" }),
    nextReviewOn: date("next_review_on", { mode: "string" }),
    notes: text("notes").notNull().default(""),
    sharedWithFunders: boolean("shared_with_funders").notNull().default(false),
    documentId: uuid("document_id"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index("protocols_task_force_idx").on(table.taskForceId),
    unique("protocols_task_force_id_id_unique").on(table.taskForceId, table.id),
    foreignKey({
      name: "protocols_document_same_task_force_fk",
      columns: [table.taskForceId, table.documentId],
      foreignColumns: [documents.taskForceId, documents.id],
    }),
    check("protocols_other_has_title", sql`${table.topic} <> 'other' or length(trim(${table.title})) > 0`),
    check("protocols_adopted_has_date", sql`${table.status} = 'draft' or ${table.adoptedOn} is not null`),
  ],
);
