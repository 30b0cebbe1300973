import { afterAll, beforeAll, inject } from "vitest";
import { installDatabase } from "@/db/client";
import { databaseForTestFile, type TestFileDatabase } from "./testDatabase";

/*
 * Every integration test file starts on a database as the template left it (migrated, with the
 * default framework), installed before its first query runs.
 */
let testDatabase: TestFileDatabase | undefined;

beforeAll(async () => {
  testDatabase = await databaseForTestFile(inject("testDatabase"));
  installDatabase(testDatabase.handle);
});

afterAll(async () => {
  await testDatabase?.release();
});
