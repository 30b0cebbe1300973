import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";

describe("protocols", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: member } = await createMember(taskForce, "member"));
    ({ user: funder } = await createMember(taskForce, "funder"));
  });

  it("records a protocol on an IACP topic and updates it to adopted with its dates", async () => {
    const { id } = await callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "language_access" });
    await callerFor(coordinator).protocol.update({
      taskForceSlug: taskForce.slug,
      protocolId: id,
      topic: "language_access",
      status: "adopted",
      adoptedOn: "2026-03-01",
      nextReviewOn: "2027-03-01",
      sharedWithFunders: true,
    });
    const { protocols } = await callerFor(member).protocol.list({ taskForceSlug: taskForce.slug });
    expect(protocols.find((row) => row.id === id)).toMatchObject({ status: "adopted", adoptedOn: "2026-03-01", nextReviewOn: "2027-03-01" });
  });

  it("refuses an 'other' protocol without a title, an adopted one without its date and a review before adoption", async () => {
    const other = await trpcErrorOf(callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "other" }), "BAD_REQUEST");
    expect(fieldErrorsOf(other).title?.[0]?.key).toBe("protocolTitleRequired");
    const adopted = await trpcErrorOf(callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "media", status: "adopted" }), "BAD_REQUEST");
    expect(fieldErrorsOf(adopted).adoptedOn?.[0]?.key).toBe("adoptedOnRequired");
    const review = await trpcErrorOf(
      callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "media", status: "adopted", adoptedOn: "2026-05-01", nextReviewOn: "2026-04-01" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(review).nextReviewOn?.[0]?.key).toBe("reviewBeforeAdoption");
  });

  it("lets only coordinators manage protocols and shows funders only the shared ones", async () => {
    await trpcErrorOf(callerFor(member).protocol.create({ taskForceSlug: taskForce.slug, topic: "referrals" }), "FORBIDDEN");
    await callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "other", title: "Internal escalation" });
    const asFunder = await callerFor(funder).protocol.list({ taskForceSlug: taskForce.slug });
    expect(asFunder.protocols.map((row) => row.title)).not.toContain("Internal escalation");
    expect(asFunder.protocols.every((row) => row.sharedWithFunders)).toBe(true);
    expect(asFunder.canManage).toBe(false);
  });

  it("does not update another task force's protocol", async () => {
    const other = await createTaskForceWithCoordinator();
    const { id } = await callerFor(other.coordinator).protocol.create({ taskForceSlug: other.taskForce.slug, topic: "media" });
    const error = await trpcErrorOf(callerFor(coordinator).protocol.update({ taskForceSlug: taskForce.slug, protocolId: id, topic: "media" }), "NOT_FOUND");
    expect(domainErrorOf(error).messageKey).toBe("protocolNotFound");
  });
});
