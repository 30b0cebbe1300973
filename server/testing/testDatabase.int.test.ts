import { eq, sql } from "drizzle-orm";
import { describe, expect, it, inject } from "vitest";
import { installDatabase, type DatabaseHandle } from "@/db/client";
import { frameworks, taskForces } from "@/db/schema";
import { DEFAULT_FRAMEWORK_KEY } from "@/server/domains/frameworks/frameworks.queries";
import { databaseForTestFile } from "./testDatabase";

/*
 * Each integration file must start on a database as the template left it, whatever the file before
 * it in the same worker did: on PGlite the files share one database emptied between them, so this
 * plays the file before (it leaves rows, then a trigger) and looks at what the next file is given.
 */

async function rowsIn(handle: DatabaseHandle) {
  const [taskForceRows, frameworkRows] = await Promise.all([handle.db.select().from(taskForces), handle.db.select().from(frameworks)]);
  return { taskForces: taskForceRows.length, frameworks: frameworkRows.map((framework) => framework.key) };
}

describe("a test file's database", () => {
  it("holds none of the previous file's rows or schema objects, and the default framework again", async () => {
    const source = inject("testDatabase");
    const previous = await databaseForTestFile(source);
    await previous.handle.db.insert(taskForces).values({ slug: "left-behind", name: "Left behind", timeZone: "America/Chicago" });
    await previous.handle.db.delete(frameworks).where(eq(frameworks.key, DEFAULT_FRAMEWORK_KEY));
    await previous.release();

    const next = await databaseForTestFile(source);
    expect(await rowsIn(next.handle)).toEqual({ taskForces: 0, frameworks: [DEFAULT_FRAMEWORK_KEY] });

    // A file that adds to the schema: the next one must not inherit its trigger.
    await next.handle.db.execute(sql.raw("CREATE FUNCTION test_left_behind() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'left behind'; END $$"));
    await next.handle.db.execute(sql.raw("CREATE TRIGGER test_left_behind BEFORE INSERT ON task_forces FOR EACH ROW EXECUTE FUNCTION test_left_behind()"));
    await next.release();

    const after = await databaseForTestFile(source);
    // This file's own queries from here on go to the database the next file would get.
    installDatabase(after.handle);
    await after.handle.db.insert(taskForces).values({ slug: "inserted", name: "Inserted", timeZone: "America/Chicago" });
    expect(await rowsIn(after.handle)).toEqual({ taskForces: 1, frameworks: [DEFAULT_FRAMEWORK_KEY] });
    await after.release();
  });
});
