import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ACCOUNT_TOKEN_PURPOSES } from "../vocabulary/users";

export * from "../vocabulary/users";

/**
 * People who can sign in. Staff of member agencies, coordinators, funders' program officers:
 * never survivors. Email is stored lower-cased so that lookups are case-insensitive.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    isAdmin: boolean("is_admin").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Sessions signed in before this instant are refused: set by a password change or reset, by
     * "sign out everywhere" and when a role is taken away (server/auth/sessionPolicy.ts).
     */
    sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Made by the demo seed (server/demo/seed.ts); `npm run admin -- remove-demo` deletes these accounts. */
    isDemo: boolean("is_demo").notNull().default(false),
    /**
     * The language the person chose (app/i18n/locales.ts), for every device they sign in on and for
     * what is sent to them (emails); null until they choose one, when their browser's language is used.
     */
    locale: text("locale"),
  },
  (table) => [uniqueIndex("users_email_lower_unique").on(sql`lower(${table.email})`)],
);

/**
 * Counters for sign-in and other guarded attempts, kept in the database rather than in process
 * memory so that a limit holds when several app instances share one PostgreSQL. One statement
 * claims an attempt and returns whether it may go ahead (server/domains/auth/auth.queries.ts).
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  /** No further attempt is accepted before this instant (the growing delay). */
  blockedUntil: timestamp("blocked_until", { withTimezone: true, precision: 3 }),
  /** Whether the last claim was let through: written by the claiming statement and returned by it. */
  allowed: boolean("allowed").notNull().default(true),
});

export const accountTokenPurpose = pgEnum("account_token_purpose", ACCOUNT_TOKEN_PURPOSES);

/**
 * Single-use links: a password reset for one account, or the first administrator's setup link.
 * Only the SHA-256 of the token is stored; the token itself exists in the link alone.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: accountTokenPurpose("purpose").notNull(),
    /** The account to reset; null for a setup link. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** Who issued a reset link for someone else (coordinator or administrator); null when self-requested or from the CLI. */
    issuedByUserId: uuid("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("account_tokens_user_idx").on(table.userId)],
);

/**
 * The security log of accounts (password changed or reset, reset link issued, signed out
 * everywhere, administrator set up): events of a person rather than of a task force, so they do
 * not fit audit_log, whose rows belong to one task force. Never holds a password or a token.
 */
export const accountEvents = pgTable(
  "account_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("account_events_user_idx").on(table.userId, table.createdAt)],
);
