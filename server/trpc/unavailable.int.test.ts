import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseHandle, installDatabase, openDatabase, type DatabaseHandle } from "@/db/client";
import { callerFor } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { authenticate } from "@/server/domains/auth/auth.service";
import { DomainError, isDatabaseUnavailable } from "@/server/errors";
import type { SessionUser } from "./context";

/*
 * When PostgreSQL is down people should read "temporarily unavailable", not "something went wrong":
 * the driver's connection error must become SERVICE_UNAVAILABLE, even wrapped by Drizzle.
 * Regression: DrizzleQueryError hid ECONNREFUSED in its `cause`, so this was INTERNAL_SERVER_ERROR.
 */
describe("when the database cannot be reached", () => {
  let working: DatabaseHandle;
  let unreachable: DatabaseHandle;
  // Nobody listens on port 1; the connection is refused at once.
  const someone: SessionUser = { id: "00000000-0000-4000-8000-000000000001", email: "someone@example.org", name: "Some One", isAdmin: true };

  beforeAll(async () => {
    working = await databaseHandle();
    unreachable = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/unreachable" });
    installDatabase(unreachable);
  });

  afterAll(async () => {
    installDatabase(working);
    await unreachable.close();
  });

  it("answers a query with SERVICE_UNAVAILABLE", async () => {
    const error = await trpcErrorOf(callerFor(someone).taskForce.mine(), "SERVICE_UNAVAILABLE");
    expect(error.message).toBe("Database unavailable");
  });

  it("answers a task force procedure (membership lookup) with SERVICE_UNAVAILABLE", async () => {
    await trpcErrorOf(callerFor(someone).people.list({ taskForceSlug: "any-task-force" }), "SERVICE_UNAVAILABLE");
  });

  it("answers a write in a transaction with SERVICE_UNAVAILABLE", async () => {
    await trpcErrorOf(
      callerFor(someone).admin.taskForce.create({ slug: "offline", name: "Offline Task Force", timeZone: "UTC", coordinatorEmail: "c@example.org" }),
      "SERVICE_UNAVAILABLE",
    );
  });

  it("does not log an expected outage as an internal error", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await trpcErrorOf(callerFor(someone).taskForce.mine(), "SERVICE_UNAVAILABLE");
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it("is not mistaken for a wrong password at sign-in", async () => {
    const outcome = authenticate("someone@example.org", "whatever", "192.0.2.1");
    await expect(outcome).rejects.not.toBeInstanceOf(DomainError);
    await expect(outcome).rejects.toSatisfy(isDatabaseUnavailable);
  });
});
