import { integer, pgTable, text, timestamp, unique, uuid, jsonb } from "drizzle-orm/pg-core";
import { users } from "./users";

/** A stage's number as framework content keys it. */
type StageNumber = "1" | "2" | "3" | "4" | "5";

/** One stage of development (1–5), applied to every element. */
export interface FrameworkStage {
  number: number;
  name: string;
  description: string;
}

/** A key element of development. Its key (e.g. "A.mou") is stable across versions, so history survives edits. */
export interface FrameworkElement {
  key: string;
  name: string;
  description: string;
  /** What each stage looks like for this element, by stage number ("1".."5"); optional per stage. */
  rubric?: Partial<Record<StageNumber, string>>;
}

export interface FrameworkArea {
  key: string;
  name: string;
  description?: string;
  elements: FrameworkElement[];
}

/**
 * A framework's text in one more language, by the keys of what it translates (stage numbers, area
 * and element keys). Every field is optional: what a translation lacks is read in the framework's
 * own language (English).
 */
export interface FrameworkTranslation {
  /** The framework's name and description in this language. */
  name?: string;
  description?: string;
  stages?: Partial<Record<StageNumber, { name?: string; description?: string }>>;
  areas?: Record<string, { name?: string; description?: string }>;
  elements?: Record<string, { name?: string; description?: string; rubric?: Partial<Record<StageNumber, string>> }>;
}

/** The validated content of one framework version (validated by server/domains/frameworks). */
export interface FrameworkContent {
  stages: FrameworkStage[];
  areas: FrameworkArea[];
  /** Translations by language tag ("es"); the text above is English. */
  translations?: Record<string, FrameworkTranslation>;
}

/**
 * An assessment instrument: the Roadmap by default, or another one such as a state's own. Platform
 * data, shared by task forces; each task force chooses one.
 */
export const frameworks = pgTable("frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Versions are never changed once written: an edit is a new version, and assessment rounds keep
 * the version they were taken on, so editing a framework never rewrites history.
 */
export const frameworkVersions = pgTable(
  "framework_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<FrameworkContent>().notNull(),
    /** Where the wording comes from, e.g. "paraphrased" for our default or "official" for an import. */
    wordingNote: text("wording_note").notNull().default(""),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("framework_versions_framework_version_unique").on(table.frameworkId, table.version)],
);
