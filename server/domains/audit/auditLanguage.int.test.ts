import { beforeAll, describe, expect, it } from "vitest";
import en from "@/app/i18n/messages/en.json";
import es from "@/app/i18n/messages/es.json";
import { getDb } from "@/db/client";
import { auditLog, type AuditChanges } from "@/db/schema";
import { seedDemo } from "@/server/demo/seed";
import { auditValueNames, valueGroupOf } from "@/app/(app)/tf/[slug]/settings/audit/auditValues";

/*
 * The audit log page names every field of a change by its label in the reader's language (a key
 * the catalog lacks shows raw, as "ownerUserId"). Fields are written from whole records
 * (changedFields), so no type lists them: the demo seed, which writes entries of most kinds of
 * record the way their services do, is read back and each field checked against every catalog. So
 * is each value of a field named from a vocabulary (a status, a role): one the vocabulary lacks
 * would show as stored ("onTime", which the seed once wrote for a report's status).
 */

interface Entry {
  entity: string;
  action: string;
  changes: AuditChanges;
}

let entries: Entry[] = [];

beforeAll(async () => {
  const db = await getDb();
  await seedDemo(db);
  entries = await db.select({ entity: auditLog.entity, action: auditLog.action, changes: auditLog.changes }).from(auditLog);
});

const distinct = (values: string[]) => [...new Set(values)].sort();
// A measure counted by sector or service type is stored as "measure.dimension" and labelled by its measure.
const fieldsOf = (entry: Entry) => Object.keys(entry.changes).map((field) => field.split(".")[0] ?? field);

describe("the demo's audit log", () => {
  it("holds entries of many kinds, with many fields", () => {
    expect(distinct(entries.map((entry) => entry.entity)).length).toBeGreaterThan(15);
    expect(distinct(entries.flatMap(fieldsOf)).length).toBeGreaterThan(20);
  });

  describe.each([
    ["en", en.audit],
    ["es", es.audit],
  ] as const)("in %s", (language, catalog) => {
    const lacking = (names: string[], group: Record<string, string>) => distinct(names).filter((name) => !Object.hasOwn(group, name));

    it("labels every field of every change", () => {
      expect(lacking(entries.flatMap(fieldsOf), catalog.fields)).toEqual([]);
    });

    it("names every value of a field that is named from a vocabulary", () => {
      const names = auditValueNames(language === "en" ? en : es);
      const unnamed = entries.flatMap((entry) =>
        Object.entries(entry.changes).flatMap(([field, change]) => {
          const [measure, dimension] = field.split(".");
          const group = valueGroupOf(entry.entity, measure ?? field);
          if (!group) return [];
          // A measure's dimension is the named value; otherwise the values on either side of the change.
          const values = dimension ? [dimension] : [change.from, change.to].flatMap((value) => (Array.isArray(value) ? value : [value]));
          return values.filter((value): value is string => typeof value === "string" && value !== "" && !Object.hasOwn(names[group] ?? {}, value)).map((value) => `${entry.entity}.${field}: ${value}`);
        }),
      );
      expect(distinct(unnamed)).toEqual([]);
    });

    it("names every kind of record and every action", () => {
      expect(lacking(entries.map((entry) => entry.entity), catalog.entities)).toEqual([]);
      expect(lacking(entries.map((entry) => entry.action), catalog.actions)).toEqual([]);
    });
  });
});
