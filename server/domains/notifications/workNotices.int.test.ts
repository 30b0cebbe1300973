import { describe, expect, it } from "vitest";
import { callerFor, createActionItemFor, createAssessingTaskForce, createGapFor, createMember, dateFromToday, type TestUser } from "@/server/testing/factories";

/*
 * Issue 18: whoever is given an action or a gap hears of it in-app, and again when its due date
 * moves; the person who made the change does not, nor does anyone once the work is done.
 */

const noticesOf = async (user: TestUser) =>
  (await callerFor(user).notification.list({})).map((notice) => [notice.kind, notice.values.title, notice.values.due]).reverse();

describe("work notices", () => {
  it("tell an action's assignee when it is given to them and when its due date moves, until it is done", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const { user: advocate } = await createMember(taskForce, "member");
    const { user: deputy } = await createMember(taskForce, "member");
    const slug = taskForce.slug;
    const caller = callerFor(coordinator);

    const created = await createActionItemFor(taskForce, coordinator, { title: "Draft the protocol", assigneeUserId: advocate.id, dueOn: dateFromToday(10) });
    expect(await noticesOf(advocate)).toEqual([["actionItemAssigned", "Draft the protocol", dateFromToday(10)]]);
    const [notice] = await callerFor(advocate).notification.list({});
    expect(notice?.link).toBe(`/tf/${slug}/actions`);

    const moved = await caller.actionItem.update({ taskForceSlug: slug, actionItemId: created.id, version: created.version, dueOn: dateFromToday(20) });
    const given = await caller.actionItem.update({ taskForceSlug: slug, actionItemId: created.id, version: moved.version, assigneeUserId: deputy.id, assigneeOrganizationId: null });
    expect(await noticesOf(advocate)).toEqual([
      ["actionItemAssigned", "Draft the protocol", dateFromToday(10)],
      ["actionItemDueChanged", "Draft the protocol", dateFromToday(20)],
    ]);
    expect(await noticesOf(deputy)).toEqual([["actionItemAssigned", "Draft the protocol", dateFromToday(20)]]);

    // The deputy's own change tells nobody; once done, a new due date tells nobody either.
    const own = await callerFor(deputy).actionItem.update({ taskForceSlug: slug, actionItemId: created.id, version: given.version, dueOn: dateFromToday(25) });
    const done = await callerFor(deputy).actionItem.complete({ taskForceSlug: slug, actionItemId: created.id, version: own.version });
    expect(done).toBeDefined();
    expect(await noticesOf(deputy)).toHaveLength(1);
    expect(await noticesOf(coordinator)).toEqual([]);
  });

  it("tell a gap's owner when it is given to them and when its due date moves, and no one of an unowned gap", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const { user: advocate } = await createMember(taskForce, "member");
    const slug = taskForce.slug;
    await createGapFor(taskForce, coordinator, { title: "Nobody's gap", dueOn: dateFromToday(5) });
    const gap = await createGapFor(taskForce, coordinator, { title: "Referral protocol" });
    const owned = await callerFor(coordinator).gap.update({ taskForceSlug: slug, gapId: gap.id, version: gap.version, ownerUserId: advocate.id });
    await callerFor(coordinator).gap.update({ taskForceSlug: slug, gapId: gap.id, version: owned.version, dueOn: dateFromToday(30) });
    expect(await noticesOf(advocate)).toEqual([
      ["gapAssigned", "Referral protocol", "none"],
      ["gapDueChanged", "Referral protocol", dateFromToday(30)],
    ]);
    const [latest] = await callerFor(advocate).notification.list({});
    expect(latest?.link).toBe(`/tf/${slug}/gaps/${gap.id}`);
  });
});
