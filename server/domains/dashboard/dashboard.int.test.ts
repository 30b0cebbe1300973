import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createAssessingTaskForce, createGapFor, scopeFor, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { getGapSummary } from "./dashboard.service";

describe("dashboard gap figures", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;

  beforeAll(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createAssessingTaskForce());
    await createGapFor(taskForce, coordinator, { dueOn: "2099-01-10" });
    await createGapFor(taskForce, coordinator, { dueOn: "2099-03-01" });
    const done = await createGapFor(taskForce, coordinator);
    const caller = callerFor(coordinator);
    await caller.gap.changeStatus({ taskForceSlug: taskForce.slug, gapId: done.id, version: done.version, status: "resolved", note: "" });
    // Another task force's gaps never count.
    const other = await createAssessingTaskForce();
    await createGapFor(other.taskForce, other.coordinator, { dueOn: "2099-01-10" });
  });

  it("counts open, overdue (by the task force's date) and resolved gaps", async () => {
    const scope = scopeFor(taskForce, coordinatorMembership);
    expect(await getGapSummary(scope, new Date("2099-02-01T12:00:00Z"))).toMatchObject({ open: 2, overdue: 1, resolved: 1 });
    expect(await getGapSummary(scope, new Date("2099-01-01T12:00:00Z"))).toMatchObject({ open: 2, overdue: 0, resolved: 1 });
  });
});
