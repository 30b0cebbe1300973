import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { findTaskForceAccess } from "@/server/domains/access";
import type { Context, SessionUser } from "@/server/trpc/context";
import { createMember, createTaskForceWithCoordinator, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { countSelects } from "@/server/testing/queryCount";

/*
 * The caller's access (a membership or a funding program) is read once per request for the reads a
 * page or a batch makes together (server/trpc/scope.ts), and read afresh by every change and by
 * every call after a change, so that a request never acts on a role its own change has just taken
 * away.
 */

const requestContext = (user: SessionUser): Context => ({ user, clientAddress: "203.0.113.10", baseUrl: "https://roadmap.example.org", taskForceAccess: new Map() });

describe("the membership within one request", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let leaving: { user: TestUser; membership: TestMembership };

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Scope Task Force" }));
    leaving = await createMember(taskForce, "coordinator", { name: "Sam Scope" });
  });

  it("is read once for several reads of one request, and for each read of a request without memory", async () => {
    const input = { taskForceSlug: taskForce.slug };
    const readTwice = (context: Context) => async () => {
      const caller = createCaller(context);
      await caller.taskForce.get(input);
      await caller.organization.list(input);
      await caller.people.list(input);
    };
    const remembered = await countSelects(readTwice(requestContext(coordinator)));
    const unremembered = await countSelects(readTwice({ user: coordinator, clientAddress: "203.0.113.10", baseUrl: "https://roadmap.example.org" }));
    // The same three reads, less two access lookups (one statement each, its subquery of funding programs counted apart).
    const lookup = await countSelects(async () => findTaskForceAccess(await getDb(), coordinator.id, { slug: taskForce.slug }));
    expect(lookup).toBe(2);
    expect(unremembered - remembered).toBe(2 * lookup);
  });

  it("carries the task force's name and time zone, so services need not look them up", async () => {
    const context = requestContext(coordinator);
    await createCaller(context).taskForce.get({ taskForceSlug: taskForce.slug });
    const membership = await context.taskForceAccess?.get(taskForce.slug);
    expect(membership).toMatchObject({ taskForceId: taskForce.id, role: "coordinator", taskForceName: taskForce.name, timeZone: taskForce.timeZone });
  });

  it("is read afresh by a change, and by the reads after it", async () => {
    const context = requestContext(leaving.user);
    const caller = createCaller(context);
    const input = { taskForceSlug: taskForce.slug };
    await caller.organization.list(input);
    // Another request ends the membership meanwhile.
    await (await getDb()).update(memberships).set({ endedAt: new Date() }).where(eq(memberships.id, leaving.membership.id));
    // A change in this request does not act on the remembered membership…
    await trpcErrorOf(caller.taskForce.export(input), "NOT_FOUND");
    // …and the reads after it see the departure too.
    await trpcErrorOf(caller.organization.list(input), "NOT_FOUND");
  });
});
