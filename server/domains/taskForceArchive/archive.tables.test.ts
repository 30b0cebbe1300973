import { foreignKey, getTableConfig, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { organizations, taskForces } from "@/db/schema";
import { ALL_TABLES, INSTANCE_TABLES, TASK_FORCE_TABLES, uncoveredTables } from "./archive.tables";

describe("the tables of a task force archive", () => {
  it("cover the schema: no table belongs to a task force without carrying task_force_id", () => {
    expect(uncoveredTables()).toEqual([]);
  });

  it("notice a table that points at a task force's records without task_force_id (its rows would be lost)", () => {
    const orphan = pgTable(
      "organization_notes",
      { id: uuid("id").primaryKey(), organizationId: uuid("organization_id").notNull(), body: text("body").notNull() },
      (table) => [foreignKey({ columns: [table.organizationId], foreignColumns: [organizations.id] })],
    );
    const pointingAtTheTaskForce = pgTable("task_force_badges", { id: uuid("id").primaryKey(), taskForce: uuid("tf").references(() => taskForces.id) });
    expect(uncoveredTables([...ALL_TABLES, orphan, pointingAtTheTaskForce])).toEqual([
      "organization_notes: points at organizations but has no task_force_id, so its rows would be left behind",
      "task_force_badges: points at task_forces but has no task_force_id, so its rows would be left behind",
    ]);
  });

  it("take every table with task_force_id but this installation's own job runs and funding programs, parents before children", () => {
    const names = TASK_FORCE_TABLES.map((table) => table.name);
    const withTaskForceId = ALL_TABLES.map((table) => getTableConfig(table)).filter(
      (config) => config.columns.some((column) => column.name === "task_force_id") && !INSTANCE_TABLES.includes(config.name),
    );
    expect(INSTANCE_TABLES).toEqual(["job_runs", "funding_program_task_forces"]);
    expect(names).not.toContain("job_runs");
    expect(names).not.toContain("funding_program_task_forces");
    expect([...names].sort()).toEqual(withTaskForceId.map((config) => config.name).sort());
    expect(names).toEqual(expect.arrayContaining(["memberships", "audit_log", "documents", "gaps", "responses", "grant_reports", "contribution_values"]));
    for (const table of TASK_FORCE_TABLES) {
      for (const reference of table.references) {
        if (names.includes(reference.foreignTable) && reference.foreignTable !== table.name) {
          expect(names.indexOf(reference.foreignTable), `${reference.foreignTable} before ${table.name}`).toBeLessThan(names.indexOf(table.name));
        }
      }
    }
  });

  it("know which values must be unique across the instance, and which ids get new values on import", () => {
    const byName = new Map(TASK_FORCE_TABLES.map((table) => [table.name, table]));
    expect(byName.get("invitations")?.globallyUnique).toEqual(["token_hash"]);
    expect(byName.get("calendar_tokens")?.globallyUnique).toEqual(["token_hash"]);
    expect(byName.get("notifications")?.globallyUnique).toEqual(["dedupe_key"]);
    expect(byName.get("organizations")?.globallyUnique).toEqual([]);
    expect(byName.get("gaps")?.idColumn).toBe("id");
    expect(byName.get("mou_parties")?.idColumn).toBeNull();
    expect(byName.get("contribution_settings")?.idColumn).toBeNull();
    expect(byName.get("documents")?.columns.find((column) => column.name === "content")?.isBytes).toBe(true);
  });
});
