import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, installDatabase } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "./testDatabase";

/* Every integration test file gets a database of its own, installed before any of its queries run. */
let testDatabase: TestDatabase | undefined;

beforeAll(async () => {
  testDatabase = await createTestDatabase(inject("testDatabase"));
  installDatabase(testDatabase.handle);
});

afterAll(async () => {
  await closeDatabase();
  await testDatabase?.destroy();
});
