import { integer, pgTable, text, timestamp, unique, uuid, jsonb } from "drizzle-orm/pg-core";
import { users } from "./users";

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
  rubric?: Partial<Record<"1" | "2" | "3" | "4" | "5", string>>;
}

export interface FrameworkArea {
  key: string;
  name: string;
  description?: string;
  elements: FrameworkElement[];
}

/** The validated content of one framework version (validated by server/domains/frameworks). */
export interface FrameworkContent {
  stages: FrameworkStage[];
  areas: FrameworkArea[];
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
