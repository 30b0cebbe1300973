import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { answersForAll, callerFor, createActionItemFor, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, createOrganization, dateFromToday, respond, type TestOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";

async function auditOf(taskForceId: string, entity: string, entityId: string) {
  return (await getDb())
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.createdAt);
}

describe("gaps and action plans", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  let memberA: TestUser;
  let memberB: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce({ coordinatorName: "Cora Coordinator" }));
    orgA = await createOrganization(taskForce, { name: "Safe Harbor" });
    orgB = await createOrganization(taskForce, { name: "Sheriff's Office" });
    ({ user: memberA } = await createMember(taskForce, "member", { name: "Ada Advocate", organizationId: orgA.id }));
    ({ user: memberB } = await createMember(taskForce, "member", { name: "Dan Deputy", organizationId: orgB.id }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
  });

  it("suggests gaps from a round, turns one into a gap with an action plan, and closes the loop after a later round", async () => {
    const caller = callerFor(coordinator);
    await caller.assessment.setTarget({ taskForceSlug: slug(), elementKey: "A.mou", stage: 4 });
    const round1 = await createAssessmentRound(taskForce, coordinator);
    await respond(coordinator, taskForce, round1.id, answersForAll(3, { "A.mou": 2, "B.services": "dk" }));
    await respond(memberA, taskForce, round1.id, answersForAll(3, { "A.mou": 2, "B.services": 1 }));
    await respond(memberB, taskForce, round1.id, answersForAll(3, { "A.mou": 2, "B.services": 4 }));
    await caller.assessment.close({ taskForceSlug: slug(), roundId: round1.id });

    const { suggestions } = await caller.gap.suggestions({ taskForceSlug: slug(), roundId: round1.id });
    const mou = suggestions.find((suggestion) => suggestion.elementKey === "A.mou");
    expect(mou).toMatchObject({ reasons: ["belowTarget"], currentStage: 2, targetStage: 4, priority: "high" });
    expect(suggestions.find((suggestion) => suggestion.elementKey === "B.services")?.reasons).toEqual(["disagreement", "manyDontKnow"]);
    expect(suggestions.map((suggestion) => suggestion.elementKey)).not.toContain("A.mission");

    // Nobody owned a gap of this element before: no owner is suggested.
    expect(mou!.prefill).toMatchObject({ ownerOrganizationId: null, ownerUserId: null, sourceRoundId: round1.id });
    const gap = await caller.gap.create({
      taskForceSlug: slug(),
      ...mou!.prefill,
      title: "Raise the signed MOUs from stage 2 to 4",
      ownerOrganizationId: orgA.id,
      ownerUserId: memberA.id,
      dueOn: dateFromToday(60),
    });
    const again = await caller.gap.suggestions({ taskForceSlug: slug(), roundId: round1.id });
    expect(again.suggestions.map((suggestion) => suggestion.elementKey)).not.toContain("A.mou");

    // Two actions assigned to members of two organizations, completed in their own sessions.
    const actionA = await createActionItemFor(taskForce, coordinator, { gapId: gap.id, assigneeUserId: memberA.id, dueOn: dateFromToday(10) });
    const actionB = await createActionItemFor(taskForce, coordinator, { gapId: gap.id, assigneeUserId: memberB.id, dueOn: dateFromToday(20) });
    const mineA = await callerFor(memberA).actionItem.mine({});
    expect(mineA.actionItems.map((item) => item.id)).toEqual([actionA.id]);
    expect(mineA.actionItems[0]).toMatchObject({ assigneeOrganizationId: orgA.id, taskForceSlug: slug(), dueState: "later" });
    await callerFor(memberA).actionItem.complete({ taskForceSlug: slug(), actionItemId: actionA.id, version: actionA.version });
    await callerFor(memberB).actionItem.complete({ taskForceSlug: slug(), actionItemId: actionB.id, version: actionB.version });
    const got = await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(got.actionItems.map((item) => item.status)).toEqual(["done", "done"]);
    expect(got.actionItems.every((item) => item.completedAt instanceof Date)).toBe(true);

    let progress = await caller.gap.progress({ taskForceSlug: slug(), gapId: gap.id });
    expect(progress).toMatchObject({ target: 4, reachedInRoundId: null, canResolve: false });
    expect(progress.rounds).toEqual([expect.objectContaining({ roundId: round1.id, stage: 2, isSourceRound: true })]);

    const round2 = await createAssessmentRound(taskForce, coordinator);
    for (const person of [coordinator, memberA, memberB]) await respond(person, taskForce, round2.id, answersForAll(3, { "A.mou": 4 }));
    await caller.assessment.close({ taskForceSlug: slug(), roundId: round2.id });

    progress = await caller.gap.progress({ taskForceSlug: slug(), gapId: gap.id });
    expect(progress.rounds.map((point) => [point.roundId, point.stage])).toEqual([
      [round1.id, 2],
      [round2.id, 4],
    ]);
    expect(progress).toMatchObject({ reachedInRoundId: round2.id, canResolve: true });
    const current = await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id });
    await caller.gap.changeStatus({ taskForceSlug: slug(), gapId: gap.id, version: current.gap.version, status: "resolved", note: "Autumn round shows stage 4" });
    const resolved = await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(resolved.gap.status).toBe("resolved");
    expect(resolved.timeline.map((event) => [event.kind, event.fromStatus, event.toStatus])).toEqual([
      ["status_change", null, "open"],
      ["status_change", "open", "resolved"],
    ]);
    expect((await caller.gap.progress({ taskForceSlug: slug(), gapId: gap.id })).canResolve).toBe(false);

    const entries = await auditOf(taskForce.id, "gap", gap.id);
    expect(entries.map((entry) => entry.action)).toEqual(["create", "changeStatus"]);
    expect(entries[1]?.changes).toMatchObject({ status: { from: "open", to: "resolved" } });
    expect((await auditOf(taskForce.id, "actionItem", actionA.id)).map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["create", coordinator.id],
      ["complete", memberA.id],
    ]);
  });

  it("refuses the second of two saves based on the same version, naming who changed it and when", async () => {
    const gap = await createGapFor(taskForce, coordinator, { ownerOrganizationId: orgA.id });
    await callerFor(memberA).gap.update({ taskForceSlug: slug(), gapId: gap.id, version: gap.version, title: "Ada's title" });
    const error = await trpcErrorOf(
      callerFor(coordinator).gap.update({ taskForceSlug: slug(), gapId: gap.id, version: gap.version, title: "Cora's title" }),
      "CONFLICT",
    );
    const { messageKey, values } = domainErrorOf(error);
    expect(messageKey).toBe("gapChangedByOther");
    expect(values.by).toBe("Ada Advocate");
    const got = await callerFor(coordinator).gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(values.at).toBe(got.gap.updatedAt.toISOString());
    expect(got.gap).toMatchObject({ title: "Ada's title", version: gap.version + 1 });
    const stale = callerFor(coordinator).gap.changeStatus({ taskForceSlug: slug(), gapId: gap.id, version: gap.version, status: "in_progress" });
    expect(domainErrorOf(await trpcErrorOf(stale, "CONFLICT")).messageKey).toBe("gapChangedByOther");

    const action = await createActionItemFor(taskForce, coordinator, { gapId: gap.id, assigneeUserId: memberA.id });
    await callerFor(memberA).actionItem.update({ taskForceSlug: slug(), actionItemId: action.id, version: action.version, status: "doing" });
    const staleAction = callerFor(coordinator).actionItem.complete({ taskForceSlug: slug(), actionItemId: action.id, version: action.version });
    expect(domainErrorOf(await trpcErrorOf(staleAction, "CONFLICT"))).toMatchObject({ messageKey: "actionItemChangedByOther", values: { by: "Ada Advocate" } });
  });

  it("refuses transitions that make no sense, and blocked or won't fix without a reason", async () => {
    const caller = callerFor(coordinator);
    const gap = await createGapFor(taskForce, coordinator);
    const base = { taskForceSlug: slug(), gapId: gap.id };
    const noReason = await trpcErrorOf(caller.gap.changeStatus({ ...base, version: 1, status: "blocked" }), "BAD_REQUEST");
    expect(domainErrorOf(noReason)).toMatchObject({ messageKey: "statusReasonRequired", field: "note" });
    const { version } = await caller.gap.changeStatus({ ...base, version: 1, status: "wont_fix", note: "Out of our hands" });
    const jump = await trpcErrorOf(caller.gap.changeStatus({ ...base, version, status: "resolved" }), "CONFLICT");
    expect(domainErrorOf(jump)).toMatchObject({ messageKey: "gapTransitionNotAllowed", values: { from: "wont_fix", to: "resolved" } });
    const same = await trpcErrorOf(caller.gap.changeStatus({ ...base, version, status: "wont_fix", note: "again" }), "CONFLICT");
    expect(domainErrorOf(same).messageKey).toBe("gapTransitionNotAllowed");
    const reopened = await caller.gap.changeStatus({ ...base, version, status: "open", note: "New funding" });
    expect((await caller.gap.get(base)).gap).toMatchObject({ status: "open", statusReason: null, version: reopened.version });
  });

  it("refuses past due dates, unknown owners and elements outside the framework", async () => {
    const caller = callerFor(coordinator);
    const base = { taskForceSlug: slug(), elementKey: "A.mou", title: "Signed MOUs" };
    const past = await trpcErrorOf(caller.gap.create({ ...base, dueOn: dateFromToday(-3) }), "BAD_REQUEST");
    expect(domainErrorOf(past)).toMatchObject({ messageKey: "dueOnPast", field: "dueOn" });

    const other = await createAssessingTaskForce();
    const foreignOrg = await createOrganization(other.taskForce);
    const orgError = await trpcErrorOf(caller.gap.create({ ...base, ownerOrganizationId: foreignOrg.id }), "BAD_REQUEST");
    expect(domainErrorOf(orgError)).toMatchObject({ messageKey: "unknownOrganization", field: "ownerOrganizationId" });
    const personError = await trpcErrorOf(caller.gap.create({ ...base, ownerUserId: other.coordinator.id }), "BAD_REQUEST");
    expect(domainErrorOf(personError)).toMatchObject({ messageKey: "unknownPerson", field: "ownerUserId" });
    const mismatch = await trpcErrorOf(caller.gap.create({ ...base, ownerOrganizationId: orgB.id, ownerUserId: memberA.id }), "BAD_REQUEST");
    expect(domainErrorOf(mismatch).messageKey).toBe("personNotInOrganization");
    const element = await trpcErrorOf(caller.gap.create({ ...base, elementKey: "Z.nothing" }), "BAD_REQUEST");
    expect(domainErrorOf(element)).toMatchObject({ messageKey: "unknownElement", field: "elementKey" });
    const pastAction = await trpcErrorOf(caller.actionItem.create({ taskForceSlug: slug(), title: "Call", dueOn: dateFromToday(-1) }), "BAD_REQUEST");
    expect(fieldErrorsOf(pastAction)).toEqual({ dueOn: [{ key: "dueOnPast", values: expect.any(Object) }] });

    // The owner's organization defaults to the person's own.
    const gap = await caller.gap.create({ ...base, ownerUserId: memberB.id });
    expect((await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id })).gap).toMatchObject({ ownerOrganizationId: orgB.id, ownerOrganizationName: "Sheriff's Office" });
  });

  it("keeps evidence links on a gap, audits their change and refuses anything but http(s) addresses", async () => {
    const caller = callerFor(coordinator);
    const links = ["https://docs.example.org/mou-draft.pdf"];
    const gap = await caller.gap.create({ taskForceSlug: slug(), elementKey: "A.mou", title: "MOU with evidence", evidenceLinks: links });
    expect((await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id })).gap.evidenceLinks).toEqual(links);
    // Regression: the procedure's taskForceSlug used to reach the create audit entry as a field.
    const [created] = await auditOf(taskForce.id, "gap", gap.id);
    expect(Object.keys(created?.changes ?? {})).not.toContain("taskForceSlug");

    const more = [...links, "https://docs.example.org/mou-signed.pdf"];
    const { version } = await caller.gap.update({ taskForceSlug: slug(), gapId: gap.id, version: gap.version, evidenceLinks: more });
    expect((await caller.gap.get({ taskForceSlug: slug(), gapId: gap.id })).gap.evidenceLinks).toEqual(more);
    expect((await auditOf(taskForce.id, "gap", gap.id)).at(-1)?.changes).toEqual({ evidenceLinks: { from: links, to: more } });
    // The same links again are no change: no new version.
    expect((await caller.gap.update({ taskForceSlug: slug(), gapId: gap.id, version, evidenceLinks: more })).version).toBe(version);

    const bad = await trpcErrorOf(
      caller.gap.update({ taskForceSlug: slug(), gapId: gap.id, version, evidenceLinks: ["javascript:alert(1)"] }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(bad)).toEqual({ "evidenceLinks.0": [{ key: "httpLink" }] });
  });

  it("lets a member update their organization's gaps and assigned actions, and nothing else", async () => {
    const own = await createGapFor(taskForce, coordinator, { ownerOrganizationId: orgA.id });
    const others = await createGapFor(taskForce, coordinator, { ownerOrganizationId: orgB.id });
    const ada = callerFor(memberA);
    await ada.gap.update({ taskForceSlug: slug(), gapId: own.id, version: own.version, priority: "high", dueOn: dateFromToday(14) });
    await ada.gap.changeStatus({ taskForceSlug: slug(), gapId: own.id, version: own.version + 1, status: "in_progress" });
    const forbidden = await trpcErrorOf(ada.gap.update({ taskForceSlug: slug(), gapId: others.id, version: others.version, priority: "low" }), "FORBIDDEN");
    expect(domainErrorOf(forbidden).messageKey).toBe("gapNotOwned");
    await trpcErrorOf(ada.gap.changeStatus({ taskForceSlug: slug(), gapId: others.id, version: others.version, status: "in_progress" }), "FORBIDDEN");
    const handOver = ada.gap.update({ taskForceSlug: slug(), gapId: own.id, version: own.version + 2, ownerOrganizationId: orgB.id });
    expect(domainErrorOf(await trpcErrorOf(handOver, "FORBIDDEN")).messageKey).toBe("gapOwnerChangeNotAllowed");

    // Actions: under their own gap they may add; assigned to the other organization they may not touch.
    const added = await ada.actionItem.create({ taskForceSlug: slug(), gapId: own.id, title: "Draft MOU", assigneeUserId: memberA.id });
    await trpcErrorOf(ada.actionItem.create({ taskForceSlug: slug(), gapId: others.id, title: "Sneaky" }), "FORBIDDEN");
    await trpcErrorOf(ada.actionItem.create({ taskForceSlug: slug(), title: "Standalone" }), "FORBIDDEN");
    const theirs = await createActionItemFor(taskForce, coordinator, { gapId: others.id, assigneeUserId: memberB.id });
    const notAssigned = await trpcErrorOf(ada.actionItem.complete({ taskForceSlug: slug(), actionItemId: theirs.id, version: theirs.version }), "FORBIDDEN");
    expect(domainErrorOf(notAssigned).messageKey).toBe("actionItemNotAssigned");
    await ada.actionItem.complete({ taskForceSlug: slug(), actionItemId: added.id, version: added.version });
    const list = await ada.gap.list({ taskForceSlug: slug() });
    // The list names the element as people read it (createGapFor's element is A.mou).
    expect(list.gaps.find((gap) => gap.id === own.id)).toMatchObject({ canUpdate: true, priority: "high", status: "in_progress", elementName: "Memoranda of understanding" });
    expect(list.gaps.find((gap) => gap.id === others.id)).toMatchObject({ canUpdate: false });

    // Viewers and funders only read.
    await trpcErrorOf(callerFor(viewer).gap.update({ taskForceSlug: slug(), gapId: own.id, version: 1, title: "x" }), "FORBIDDEN");
    await trpcErrorOf(callerFor(funder).actionItem.list({ taskForceSlug: slug() }), "FORBIDDEN");
  });

  it("shows funders the status history and shared comments only", async () => {
    const gap = await createGapFor(taskForce, coordinator, { ownerOrganizationId: orgA.id });
    const caller = callerFor(coordinator);
    await caller.gap.comment({ taskForceSlug: slug(), gapId: gap.id, body: "Internal: the sheriff is slow to sign" });
    await caller.gap.comment({ taskForceSlug: slug(), gapId: gap.id, body: "Draft MOU circulated", sharedWithFunders: true });
    await caller.gap.changeStatus({ taskForceSlug: slug(), gapId: gap.id, version: gap.version, status: "blocked", note: "Waiting on county counsel" });
    const sharing = callerFor(memberB).gap.comment({ taskForceSlug: slug(), gapId: gap.id, body: "from B", sharedWithFunders: true });
    expect(domainErrorOf(await trpcErrorOf(sharing, "FORBIDDEN")).messageKey).toBe("shareCommentNotAllowed");
    await callerFor(memberB).gap.comment({ taskForceSlug: slug(), gapId: gap.id, body: "We can help" });

    const forFunder = await callerFor(funder).gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(forFunder.gap).toMatchObject({ status: "blocked", statusReason: null });
    expect(forFunder.timeline.map((event) => [event.kind, event.toStatus, event.body])).toEqual([
      ["status_change", "open", ""],
      ["comment", null, "Draft MOU circulated"],
      ["status_change", "blocked", ""],
    ]);
    expect(forFunder.actionItems).toEqual([]);
    expect(JSON.stringify(forFunder)).not.toContain("sheriff is slow");
    expect(JSON.stringify(forFunder)).not.toContain("county counsel");

    const forMember = await callerFor(memberA).gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(forMember.gap.statusReason).toBe("Waiting on county counsel");
    expect(forMember.timeline.filter((event) => event.kind === "comment").map((event) => event.body)).toEqual([
      "Internal: the sheriff is slow to sign",
      "Draft MOU circulated",
      "We can help",
    ]);
    expect((await auditOf(taskForce.id, "gap", gap.id)).map((entry) => entry.action)).toEqual(["create", "comment", "comment", "changeStatus", "comment"]);
  });

  it("answers NOT_FOUND for another task force's gaps and actions", async () => {
    const other = await createAssessingTaskForce();
    const foreignGap = await createGapFor(other.taskForce, other.coordinator);
    const foreignAction = await createActionItemFor(other.taskForce, other.coordinator, { gapId: foreignGap.id });
    const caller = callerFor(coordinator);
    const input = { taskForceSlug: slug(), gapId: foreignGap.id };
    // Called one after another: a promise created early could reject before anyone awaits it.
    const calls = [
      () => caller.gap.get(input),
      () => caller.gap.progress(input),
      () => caller.gap.update({ ...input, version: 1, title: "Mine now" }),
      () => caller.gap.changeStatus({ ...input, version: 1, status: "in_progress" }),
      () => caller.gap.comment({ ...input, body: "hello" }),
      () => caller.actionItem.create({ taskForceSlug: slug(), gapId: foreignGap.id, title: "x" }),
      () => caller.actionItem.complete({ taskForceSlug: slug(), actionItemId: foreignAction.id, version: 1 }),
      () => caller.actionItem.update({ taskForceSlug: slug(), actionItemId: foreignAction.id, version: 1, title: "x" }),
    ];
    for (const call of calls) await trpcErrorOf(call(), "NOT_FOUND");
    expect((await caller.actionItem.list({ taskForceSlug: slug() })).actionItems.map((item) => item.id)).not.toContain(foreignAction.id);
    // Suggestions from another task force's round are not found either.
    const foreignRound = await createAssessmentRound(other.taskForce, other.coordinator);
    await trpcErrorOf(caller.gap.suggestions({ taskForceSlug: slug(), roundId: foreignRound.id }), "NOT_FOUND");
  });

  it("filters, sorts and counts gaps for the list and the charts", async () => {
    const fresh = await createAssessingTaskForce();
    const org = await createOrganization(fresh.taskForce, { name: "Clinic" });
    const s = fresh.taskForce.slug;
    const caller = callerFor(fresh.coordinator);
    const early = await createGapFor(fresh.taskForce, fresh.coordinator, { elementKey: "A.mou", ownerOrganizationId: org.id, dueOn: dateFromToday(3) });
    const late = await createGapFor(fresh.taskForce, fresh.coordinator, { elementKey: "B.services", dueOn: dateFromToday(30) });
    const done = await createGapFor(fresh.taskForce, fresh.coordinator, { elementKey: "A.mission" });
    await caller.gap.changeStatus({ taskForceSlug: s, gapId: done.id, version: done.version, status: "resolved" });

    const byDue = await caller.gap.list({ taskForceSlug: s });
    expect(byDue.gaps.map((gap) => gap.id)).toEqual([early.id, late.id, done.id]);
    expect(byDue.gaps.map((gap) => gap.dueState)).toEqual(["dueSoon", "later", "none"]);
    expect((await caller.gap.list({ taskForceSlug: s, area: "A" })).gaps.map((gap) => gap.id)).toEqual([early.id, done.id]);
    expect((await caller.gap.list({ taskForceSlug: s, status: ["resolved"] })).gaps.map((gap) => gap.id)).toEqual([done.id]);
    expect((await caller.gap.list({ taskForceSlug: s, ownerOrganizationId: org.id })).gaps.map((gap) => gap.id)).toEqual([early.id]);
    expect((await caller.gap.list({ taskForceSlug: s, dueBefore: dateFromToday(10) })).gaps.map((gap) => gap.id)).toEqual([early.id]);
    expect((await caller.gap.list({ taskForceSlug: s, sort: "dueOn", direction: "desc" })).gaps.map((gap) => gap.id)).toEqual([late.id, early.id, done.id]);
    expect((await caller.gap.list({ taskForceSlug: s, overdue: true })).gaps).toEqual([]);

    const stats = await caller.gap.stats({ taskForceSlug: s });
    const month = stats.today.slice(0, 7);
    expect(stats.openedVsResolved).toEqual([{ month, opened: 3, resolved: 1 }]);
    expect(stats.openByArea).toEqual([
      { areaKey: "A", areaName: "Structure and leadership", count: 1 },
      { areaKey: "B", areaName: "Identification and services", count: 1 },
    ]);
    expect(stats.openByOwnerOrganization).toEqual(
      expect.arrayContaining([
        { organizationId: org.id, organizationName: "Clinic", count: 1 },
        { organizationId: null, organizationName: null, count: 1 },
      ]),
    );
    expect(stats.overdue).toEqual({ gaps: 0, actionItems: 0 });
  });
});

describe("gap suggestions from a round's results", () => {
  it("suggest whoever owned the element's latest gap, without a person who may no longer be given work", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const caller = callerFor(coordinator);
    const slug = taskForce.slug;
    const shelter = await createOrganization(taskForce, { name: "Shelter" });
    const { user: advocate, membership } = await createMember(taskForce, "member", { organizationId: shelter.id });
    await caller.assessment.setTarget({ taskForceSlug: slug, elementKey: "A.mou", stage: 4 });
    const round = await createAssessmentRound(taskForce, coordinator);
    await respond(coordinator, taskForce, round.id, answersForAll(3, { "A.mou": 1 }));
    await respond(advocate, taskForce, round.id, answersForAll(3, { "A.mou": 2 }));
    await caller.assessment.close({ taskForceSlug: slug, roundId: round.id });

    // An earlier gap of the element, owned by the advocate and their shelter, since closed.
    const earlier = await createGapFor(taskForce, coordinator, { elementKey: "A.mou", ownerOrganizationId: shelter.id, ownerUserId: advocate.id });
    await caller.gap.changeStatus({ taskForceSlug: slug, gapId: earlier.id, version: earlier.version, status: "wont_fix", note: "Superseded" });
    const prefillOfMou = async () => (await caller.gap.suggestions({ taskForceSlug: slug, roundId: round.id })).suggestions.find((one) => one.elementKey === "A.mou")!.prefill;
    expect(await prefillOfMou()).toMatchObject({ ownerOrganizationId: shelter.id, ownerUserId: advocate.id, currentStage: 1, targetStage: 4 });

    // Once the advocate has left, their organization is still suggested, they are not.
    await caller.people.end({ taskForceSlug: slug, membershipId: membership.id });
    expect(await prefillOfMou()).toMatchObject({ ownerOrganizationId: shelter.id, ownerUserId: null });
  });
});
