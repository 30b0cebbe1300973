import { eq, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createGapFor, createOrganization, createTaskForceWithCoordinator, type TestOrganization, type TestTaskForce } from "@/server/testing/factories";
import { getDb, type Database } from "./client";
import { byId, insertOne, updateVersioned } from "./rows";
import { gaps, organizations } from "./schema";

/*
 * The query kit against a real database: a row is found by its task force and id together, never by
 * id alone (the cross-tenant bug the conventions name), and a save on a stale version changes nothing.
 */
describe("the query kit of a task force's tables", () => {
  let taskForce: TestTaskForce;
  let other: TestTaskForce;
  let organization: TestOrganization;

  const readName = (db: Database) => (where: SQL) =>
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(where);

  beforeAll(async () => {
    taskForce = (await createTaskForceWithCoordinator()).taskForce;
    other = (await createTaskForceWithCoordinator()).taskForce;
    organization = await createOrganization(taskForce, { name: "Harbor Police" });
  });

  it("finds a row by its task force and id, and not from another task force", async () => {
    const db = await getDb();
    expect(await byId(db, organizations, { taskForceId: taskForce.id, id: organization.id }, readName(db))).toEqual({ id: organization.id, name: "Harbor Police" });
    expect(await byId(db, organizations, { taskForceId: other.id, id: organization.id }, readName(db))).toBeNull();
  });

  it("locks the row for a save, and finds nothing to lock in another task force", async () => {
    const [locked, foreign] = await (await getDb()).transaction(async (tx) => [
      await byId(tx, organizations, { taskForceId: taskForce.id, id: organization.id }, readName(tx), "update"),
      await byId(tx, organizations, { taskForceId: other.id, id: organization.id }, readName(tx), "update"),
    ]);
    expect(locked).toEqual({ id: organization.id, name: "Harbor Police" });
    expect(foreign).toBeNull();
  });

  it("inserts one row and gives back the columns asked for", async () => {
    const db = await getDb();
    const row = await insertOne(
      db,
      organizations,
      { taskForceId: taskForce.id, name: "County Victim Services", primaryDiscipline: "victimServices" },
      { id: organizations.id, name: organizations.name },
      "organization insert",
    );
    expect(row.name).toBe("County Victim Services");
    const [stored] = await db.select({ taskForceId: organizations.taskForceId }).from(organizations).where(eq(organizations.id, row.id));
    expect(stored).toEqual({ taskForceId: taskForce.id });
  });

  it("saves on the version it was based on, and refuses a stale version or another task force", async () => {
    const created = await createTaskForceWithCoordinator();
    const gap = await createGapFor(created.taskForce, created.coordinator, { title: "Signed MOUs" });
    const db = await getDb();
    const key = { taskForceId: created.taskForce.id, id: gap.id, version: gap.version };
    expect(await updateVersioned(db, gaps, key, { title: "Signed MOUs with every agency" })).toBe(gap.version + 1);
    expect(await updateVersioned(db, gaps, key, { title: "A stale save" })).toBeNull();
    expect(await updateVersioned(db, gaps, { ...key, taskForceId: other.id, version: gap.version + 1 }, { title: "A foreign save" })).toBeNull();
    const [stored] = await db.select({ title: gaps.title, version: gaps.version }).from(gaps).where(eq(gaps.id, gap.id));
    expect(stored).toEqual({ title: "Signed MOUs with every agency", version: gap.version + 1 });
  });
});
