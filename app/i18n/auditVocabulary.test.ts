import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "@/db/vocabulary/audit";
import { catalogName, SUPPORTED_LOCALES } from "./locales";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "messages");
const auditCatalogOf = (locale: (typeof SUPPORTED_LOCALES)[number]) =>
  JSON.parse(readFileSync(path.join(folder, `${catalogName(locale)}.json`), "utf8")).audit as Record<"entities" | "actions", Record<string, string>>;

/*
 * recordAudit takes only the vocabulary's names (db/vocabulary/audit.ts), so a name the log can hold
 * is a name every language's audit log page can say; the catalog keeps no name nothing records.
 */
describe.each(SUPPORTED_LOCALES)("the audit log in %s", (locale) => {
  const catalog = auditCatalogOf(locale);

  it("names every kind of record the log holds", () => {
    expect(Object.keys(catalog.entities).sort()).toEqual([...AUDIT_ENTITIES].sort());
  });

  it("names every action the log holds", () => {
    expect(Object.keys(catalog.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
