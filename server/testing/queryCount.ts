import { databaseHandle, installDatabase, type Database } from "@/db/client";

/* Counting the statements a piece of work builds: the tests' guard against a query per record. */

/** `db` with a count of the select statements built on it (subqueries included). */
export function countingSelects(db: Database): { db: Database; selects: () => number } {
  let selects = 0;
  const counting = new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "select" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        selects += 1;
        return value.apply(target, args);
      };
    },
  });
  return { db: counting, selects: () => selects };
}

/**
 * The number of select statements `work` builds, through every path (procedures, services): the guard
 * against a query per record (N+1), whose count grows with the data where it should not.
 */
export async function countSelects(work: () => Promise<unknown>): Promise<number> {
  const handle = await databaseHandle();
  const counting = countingSelects(handle.db);
  installDatabase({ ...handle, db: counting.db });
  try {
    await work();
  } finally {
    installDatabase(handle);
  }
  return counting.selects();
}
