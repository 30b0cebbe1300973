import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, notifications, responses } from "@/db/schema";
import { answersForAll, callerFor, createAssessingTaskForce, createAssessmentRound, createMember, createOrganization, dateFromToday, respond, TEST_ELEMENT_KEYS, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { headersOf, textOf } from "@/server/testing/fakeSmtpServer";

async function auditOf(taskForceId: string, entity: string) {
  return (await getDb())
    .select({ action: auditLog.action, entityId: auditLog.entityId, actorUserId: auditLog.actorUserId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, entity)))
    .orderBy(auditLog.createdAt);
}

describe("the life of an assessment round", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce({ coordinatorName: "Cora Coordinator" }));
  });

  it("creates a draft on the task force's framework, edits, opens, extends, closes and reopens it, all audited", async () => {
    const caller = callerFor(coordinator);
    const { id } = await caller.assessment.create({
      taskForceSlug: slug(),
      title: "Spring self-assessment",
      opensOn: dateFromToday(0),
      closesOn: dateFromToday(20),
      audience: "all",
    });
    let got = await caller.assessment.get({ taskForceSlug: slug(), roundId: id });
    expect(got.round).toMatchObject({ title: "Spring self-assessment", status: "draft", audience: "all" });
    expect(got.elementCount).toBe(TEST_ELEMENT_KEYS.length);
    expect(got.framework.content.areas.map((area) => area.key)).toEqual(["A", "B"]);
    expect(got.me).toMatchObject({ asked: true, canRespondNow: false, answeredCount: 0 });

    await caller.assessment.update({ taskForceSlug: slug(), roundId: id, title: "Spring 2026", opensOn: dateFromToday(0), closesOn: dateFromToday(25) });
    await caller.assessment.open({ taskForceSlug: slug(), roundId: id });
    await caller.assessment.extend({ taskForceSlug: slug(), roundId: id, closesOn: dateFromToday(40) });
    await caller.assessment.close({ taskForceSlug: slug(), roundId: id });
    // Closed today in the task force's calendar, even in the evening when UTC's date is tomorrow's.
    expect((await caller.assessment.get({ taskForceSlug: slug(), roundId: id })).round.closedOn).toBe(dateFromToday(0));
    await caller.assessment.reopen({ taskForceSlug: slug(), roundId: id, reason: "Two agencies asked for another week" });

    got = await caller.assessment.get({ taskForceSlug: slug(), roundId: id });
    expect(got.round).toMatchObject({ title: "Spring 2026", status: "open", closesOn: dateFromToday(40), closedAt: null });
    expect(got.round.openedAt).toBeInstanceOf(Date);

    const entries = (await auditOf(taskForce.id, "assessmentRound")).filter((entry) => entry.entityId === id);
    expect(entries.map((entry) => entry.action)).toEqual(["create", "update", "open", "extend", "close", "reopen"]);
    expect(entries.every((entry) => entry.actorUserId === coordinator.id)).toBe(true);
    expect(entries[1]?.changes).toMatchObject({ title: { from: "Spring self-assessment", to: "Spring 2026" } });
    expect(entries[3]?.changes).toEqual({ closesOn: { from: dateFromToday(25), to: dateFromToday(40) } });
    expect(entries[5]?.changes).toMatchObject({
      status: { from: "closed", to: "open" },
      reason: { from: null, to: "Two agencies asked for another week" },
    });
  });

  it("refuses transitions that make no sense with CONFLICT and a clear message", async () => {
    const caller = callerFor(coordinator);
    const draft = await createAssessmentRound(taskForce, coordinator, { open: false });
    const input = { taskForceSlug: slug(), roundId: draft.id };
    expect(domainErrorOf(await trpcErrorOf(caller.assessment.close(input), "CONFLICT"))).toMatchObject({ messageKey: "roundNotOpen", values: { status: "draft" } });
    expect(domainErrorOf(await trpcErrorOf(caller.assessment.extend({ ...input, closesOn: dateFromToday(60) }), "CONFLICT")).messageKey).toBe("roundNotOpen");
    expect(domainErrorOf(await trpcErrorOf(caller.assessment.reopen({ ...input, reason: "why not" }), "CONFLICT")).messageKey).toBe("roundNotClosed");

    await caller.assessment.open(input);
    expect(domainErrorOf(await trpcErrorOf(caller.assessment.open(input), "CONFLICT"))).toMatchObject({ messageKey: "roundNotDraft", values: { status: "open" } });
    const edit = caller.assessment.update({ ...input, title: "Too late", opensOn: dateFromToday(0), closesOn: dateFromToday(30) });
    expect(domainErrorOf(await trpcErrorOf(edit, "CONFLICT")).messageKey).toBe("roundNotDraft");
    const earlier = await trpcErrorOf(caller.assessment.extend({ ...input, closesOn: dateFromToday(5) }), "BAD_REQUEST");
    expect(domainErrorOf(earlier)).toMatchObject({ messageKey: "extendNotEarlier", field: "closesOn" });

    await caller.assessment.close(input);
    expect(domainErrorOf(await trpcErrorOf(caller.assessment.close(input), "CONFLICT")).messageKey).toBe("roundNotOpen");
    const noReason = await trpcErrorOf(caller.assessment.reopen({ ...input, reason: "  " }), "BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(noReason))).toEqual(["reason"]);
    expect((await caller.assessment.get(input)).round.status).toBe("closed");
  });

  it("validates dates and the people chosen", async () => {
    const caller = callerFor(coordinator);
    const base = { taskForceSlug: slug(), title: "Round", audience: "all" as const };
    const past = await trpcErrorOf(caller.assessment.create({ ...base, opensOn: dateFromToday(-30), closesOn: dateFromToday(-3) }), "BAD_REQUEST");
    expect(domainErrorOf(past)).toMatchObject({ messageKey: "closesOnPast", field: "closesOn" });
    const reversed = await trpcErrorOf(caller.assessment.create({ ...base, opensOn: dateFromToday(10), closesOn: dateFromToday(5) }), "BAD_REQUEST");
    expect(fieldErrorsOf(reversed)).toEqual({ closesOn: [{ key: "closesBeforeOpens" }] });
    const badDate = await trpcErrorOf(caller.assessment.create({ ...base, opensOn: "2026-02-30", closesOn: dateFromToday(5) }), "BAD_REQUEST");
    expect(fieldErrorsOf(badDate)).toEqual({ opensOn: [{ key: "dateFormat" }] });
    const nobody = await trpcErrorOf(
      caller.assessment.create({ ...base, audience: "chosen", opensOn: dateFromToday(0), closesOn: dateFromToday(5) }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(nobody)).toEqual({ userIds: [{ key: "chooseRespondents" }] });

    const { user: viewer } = await createMember(taskForce, "viewer");
    const other = await createAssessingTaskForce();
    for (const userId of [viewer.id, other.coordinator.id]) {
      const error = await trpcErrorOf(
        caller.assessment.create({ ...base, audience: "chosen", userIds: [userId], opensOn: dateFromToday(0), closesOn: dateFromToday(5) }),
        "BAD_REQUEST",
      );
      expect(domainErrorOf(error)).toMatchObject({ messageKey: "respondentNotEligible", field: "userIds" });
    }
  });

  it("lists rounds with their progress", async () => {
    const { user: member } = await createMember(taskForce, "member");
    const round = await createAssessmentRound(taskForce, coordinator, { title: "Listed round" });
    await respond(member, taskForce, round.id, { "A.mission": 3 }, { submit: false });
    await respond(coordinator, taskForce, round.id, answersForAll(2));
    const listed = (await callerFor(member).assessment.list({ taskForceSlug: slug() })).find((row) => row.id === round.id);
    expect(listed).toMatchObject({ title: "Listed round", status: "open", startedCount: 2, submittedCount: 1 });
    // The coordinator and every member (this one and those of earlier tests) are asked.
    expect(listed?.askedCount).toBeGreaterThanOrEqual(2);
  });
});

describe("responding", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let colleague: TestUser;
  let viewer: TestUser;
  let roundId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce());
    const police = await createOrganization(taskForce, { name: "County Police", primaryDiscipline: "lawEnforcementLocalState" });
    member = (await createMember(taskForce, "member", { name: "Pat Police", organizationId: police.id })).user;
    colleague = (await createMember(taskForce, "member", { name: "Sam Shelter" })).user;
    viewer = (await createMember(taskForce, "viewer")).user;
    roundId = (await createAssessmentRound(taskForce, coordinator)).id;
  });

  // Untyped on purpose: several tests send what a well-behaved client never would.
  const input = (extra: Record<string, unknown> = {}) => ({ taskForceSlug: taskForce.slug, roundId, ...extra }) as never;

  it("autosaves one element at a time, idempotently, and shows progress", async () => {
    const caller = callerFor(member);
    const draft = { elementKey: "A.mission", answer: "stage" as const, stage: 3, rationale: "We meet monthly.", evidenceLinks: ["https://example.org/minutes"] };
    const first = await caller.assessment.saveDraft(input(draft));
    const again = await caller.assessment.saveDraft(input(draft));
    expect(first).toMatchObject({ elementKey: "A.mission", answeredCount: 1, elementCount: TEST_ELEMENT_KEYS.length, submittedAt: null });
    expect(again.answeredCount).toBe(1);
    const rows = await (await getDb())
      .select({ id: responses.id })
      .from(responses)
      .where(and(eq(responses.roundId, roundId), eq(responses.respondentUserId, member.id)));
    expect(rows).toHaveLength(1);

    await caller.assessment.saveDraft(input({ elementKey: "A.mou", answer: "dont_know" }));
    const mine = await caller.assessment.myResponse(input());
    expect(mine).toMatchObject({ answeredCount: 2, elementCount: 5, submittedAt: null, canEdit: true });
    expect(mine.ratings).toEqual([
      expect.objectContaining({ elementKey: "A.mission", answer: "stage", stage: 3, rationale: "We meet monthly.", evidenceLinks: ["https://example.org/minutes"] }),
      expect.objectContaining({ elementKey: "A.mou", answer: "dont_know", stage: null }),
    ]);
  });

  it("keeps the organization and discipline the person answered for", async () => {
    const progress = await callerFor(coordinator).assessment.progress(input());
    expect(progress.respondents.find((person) => person.userId === member.id)).toMatchObject({
      organizationName: "County Police",
      discipline: "lawEnforcementLocalState",
      status: "started",
      answeredCount: 2,
    });
  });

  it("refuses bad ratings with field messages", async () => {
    const caller = callerFor(member);
    const seven = await trpcErrorOf(caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 7 })), "BAD_REQUEST");
    expect(fieldErrorsOf(seven)).toEqual({ stage: [{ key: "tooBig", values: { max: 5 } }] });
    const missing = await trpcErrorOf(caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage" })), "BAD_REQUEST");
    expect(fieldErrorsOf(missing)).toEqual({ stage: [{ key: "stageRequired" }] });
    const stray = await trpcErrorOf(caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "dont_know", stage: 2 })), "BAD_REQUEST");
    expect(fieldErrorsOf(stray)).toEqual({ stage: [{ key: "stageOnlyForStageAnswer" }] });
    const ftp = await trpcErrorOf(
      caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 2, evidenceLinks: ["ftp://example.org/x"] })),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(ftp)).toEqual({ "evidenceLinks.0": [{ key: "httpLink" }] });
    const tooMany = await trpcErrorOf(
      caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 2, evidenceLinks: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`) })),
      "BAD_REQUEST",
    );
    expect(Object.keys(fieldErrorsOf(tooMany))).toEqual(["evidenceLinks"]);
    const long = await trpcErrorOf(caller.assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 2, rationale: "x".repeat(4001) })), "BAD_REQUEST");
    expect(fieldErrorsOf(long)).toEqual({ rationale: [{ key: "tooLong", values: { max: 4000 } }] });
    const unknown = await trpcErrorOf(caller.assessment.saveDraft(input({ elementKey: "Z.nothing", answer: "stage", stage: 2 })), "BAD_REQUEST");
    expect(domainErrorOf(unknown)).toMatchObject({ messageKey: "unknownElement", field: "elementKey", values: { elementKey: "Z.nothing" } });
    expect((await caller.assessment.myResponse(input())).ratings.find((rating) => rating.elementKey === "A.mission")?.stage).toBe(3);
  });

  it("writes only the caller's own rows, whatever the input says", async () => {
    await callerFor(colleague).assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 1, respondentUserId: member.id }));
    expect((await callerFor(member).assessment.myResponse(input())).ratings.find((rating) => rating.elementKey === "A.mission")?.stage).toBe(3);
    expect((await callerFor(colleague).assessment.myResponse(input())).ratings).toEqual([expect.objectContaining({ elementKey: "A.mission", stage: 1 })]);
  });

  it("submits only a complete response, and says how many are missing", async () => {
    const caller = callerFor(member);
    const error = await trpcErrorOf(caller.assessment.submit(input()), "BAD_REQUEST");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "responsesMissing", values: { missing: 3, total: 5 } });
    await respond(member, taskForce, roundId, { "A.protocols": "na", "B.identification": 2, "B.services": 4 }, { submit: false });
    const submitted = await caller.assessment.submit(input());
    expect(submitted).toMatchObject({ answeredCount: 5, elementCount: 5 });
    expect((await caller.assessment.myResponse(input())).submittedAt).toEqual(submitted.submittedAt);
    const entries = await auditOf(taskForce.id, "assessmentResponse");
    expect(entries).toContainEqual(expect.objectContaining({ action: "submit", entityId: roundId, actorUserId: member.id }));
  });

  it("lets a submitted response be revised while open: submittedAt stays, the revision is audited", async () => {
    const caller = callerFor(member);
    const before = await caller.assessment.myResponse(input());
    const saved = await caller.assessment.saveDraft(input({ elementKey: "B.services", answer: "stage", stage: 5 }));
    expect(saved.submittedAt).toEqual(before.submittedAt);
    const after = await caller.assessment.myResponse(input());
    expect(after.submittedAt).toEqual(before.submittedAt);
    const revised = after.ratings.find((rating) => rating.elementKey === "B.services");
    expect(revised?.stage).toBe(5);
    const revisions = (await auditOf(taskForce.id, "assessmentResponse")).filter((entry) => entry.action === "revise");
    expect(revisions).toEqual([
      expect.objectContaining({ actorUserId: member.id, changes: expect.objectContaining({ elementKey: { from: "B.services", to: "B.services" }, stage: { from: 4, to: 5 } }) }),
    ]);
    // Saving the same values again is not a revision.
    await caller.assessment.saveDraft(input({ elementKey: "B.services", answer: "stage", stage: 5 }));
    expect((await auditOf(taskForce.id, "assessmentResponse")).filter((entry) => entry.action === "revise")).toHaveLength(1);
  });

  it("refuses people who are not asked, and viewers", async () => {
    const chosen = await createAssessmentRound(taskForce, coordinator, { audience: "chosen", userIds: [colleague.id] });
    const notAsked = await trpcErrorOf(
      callerFor(member).assessment.saveDraft({ taskForceSlug: taskForce.slug, roundId: chosen.id, elementKey: "A.mission", answer: "stage", stage: 2 }),
      "FORBIDDEN",
    );
    expect(domainErrorOf(notAsked).messageKey).toBe("notAskedInRound");
    await trpcErrorOf(callerFor(member).assessment.myResponse({ taskForceSlug: taskForce.slug, roundId: chosen.id }), "FORBIDDEN");
    expect((await callerFor(member).assessment.get({ taskForceSlug: taskForce.slug, roundId: chosen.id })).me.asked).toBe(false);
    await callerFor(colleague).assessment.saveDraft({ taskForceSlug: taskForce.slug, roundId: chosen.id, elementKey: "A.mission", answer: "stage", stage: 2 });
    await trpcErrorOf(callerFor(viewer).assessment.saveDraft(input({ elementKey: "A.mission", answer: "stage", stage: 2 })), "FORBIDDEN");
  });

  it("refuses responses to a draft or closed round with CONFLICT", async () => {
    const draft = await createAssessmentRound(taskForce, coordinator, { open: false });
    const toDraft = await trpcErrorOf(
      callerFor(member).assessment.saveDraft({ taskForceSlug: taskForce.slug, roundId: draft.id, elementKey: "A.mission", answer: "stage", stage: 2 }),
      "CONFLICT",
    );
    expect(domainErrorOf(toDraft)).toMatchObject({ messageKey: "roundNotOpen", values: { status: "draft" } });

    const closed = await createAssessmentRound(taskForce, coordinator);
    await respond(member, taskForce, closed.id, { "A.mission": 2 }, { submit: false });
    await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: closed.id });
    const closedInput = { taskForceSlug: taskForce.slug, roundId: closed.id };
    const late = await trpcErrorOf(callerFor(member).assessment.saveDraft({ ...closedInput, elementKey: "A.mission", answer: "stage", stage: 4 }), "CONFLICT");
    expect(domainErrorOf(late).messageKey).toBe("roundNotOpen");
    await trpcErrorOf(callerFor(member).assessment.submit(closedInput), "CONFLICT");
    const mine = await callerFor(member).assessment.myResponse(closedInput);
    expect(mine).toMatchObject({ canEdit: false, ratings: [expect.objectContaining({ elementKey: "A.mission", stage: 2 })] });
  });
});

describe("results and who may see what", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let police: TestUser;
  let shelterA: TestUser;
  let shelterB: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let roundId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce({ coordinatorName: "Cora Coordinator" }));
    const policeOrg = await createOrganization(taskForce, { name: "Police", primaryDiscipline: "lawEnforcementLocalState" });
    const shelterOrg = await createOrganization(taskForce, { name: "Shelter", primaryDiscipline: "victimServices" });
    police = (await createMember(taskForce, "member", { name: "Pat Police", organizationId: policeOrg.id })).user;
    shelterA = (await createMember(taskForce, "member", { name: "Ari Shelter", organizationId: shelterOrg.id })).user;
    shelterB = (await createMember(taskForce, "member", { name: "Bea Shelter", organizationId: shelterOrg.id })).user;
    funder = (await createMember(taskForce, "funder")).user;
    viewer = (await createMember(taskForce, "viewer")).user;
    roundId = (await createAssessmentRound(taskForce, coordinator, { title: "Visible round" })).id;
    await respond(police, taskForce, roundId, answersForAll(1, { "A.mou": "dk" }));
    await respond(shelterA, taskForce, roundId, answersForAll(2, { "A.mou": 3 }));
    await respond(shelterB, taskForce, roundId, answersForAll(4, { "A.mou": "na", "B.services": 3 }));
    // A draft that is not submitted does not count.
    await respond(coordinator, taskForce, roundId, { "A.mission": 5 }, { submit: false });
  });

  const input = () => ({ taskForceSlug: taskForce.slug, roundId });
  const elementOf = (consensus: Awaited<ReturnType<ReturnType<typeof callerFor>["assessment"]["consensus"]>>, key: string) => {
    const element = consensus.areas.flatMap((area) => area.elements).find((candidate) => candidate.key === key);
    if (!element) throw new Error(`no element ${key}`);
    return element;
  };

  it("computes per-element consensus from submitted responses only", async () => {
    const consensus = await callerFor(coordinator).assessment.consensus(input());
    expect(consensus.respondentCount).toBe(3);
    const mission = elementOf(consensus, "A.mission");
    expect(mission.stats).toMatchObject({ stageCount: 3, median: 2, min: 1, max: 4, q1: 1.5, q3: 3, iqr: 1.5, disagreement: true });
    expect(mission.stats?.distribution.map((entry) => entry.count)).toEqual([1, 1, 0, 1, 0]);
    expect(mission.result).toEqual({ stage: 2, source: "median" });
    const mou = elementOf(consensus, "A.mou");
    expect(mou.stats).toMatchObject({ stageCount: 1, dontKnowCount: 1, notApplicableCount: 1, median: 3, disagreement: false });
    expect(consensus.areas.map((area) => area.key)).toEqual(["A", "B"]);
  });

  it("shows every individual rating and every discipline group to a coordinator", async () => {
    const consensus = await callerFor(coordinator).assessment.consensus(input());
    expect(consensus.individualRatings).toBe("all");
    const mission = elementOf(consensus, "A.mission");
    expect(mission.ratings.map((rating) => [rating.respondentName, rating.stage])).toEqual([
      ["Ari Shelter", 2],
      ["Bea Shelter", 4],
      ["Pat Police", 1],
    ]);
    expect(mission.byDiscipline).toEqual([
      expect.objectContaining({ discipline: "lawEnforcementLocalState", answerCount: 1, stats: expect.objectContaining({ median: 1 }) }),
      expect.objectContaining({ discipline: "victimServices", answerCount: 2, stats: expect.objectContaining({ median: 3, disagreement: true }) }),
    ]);
  });

  it("lets the results page read everyone's ratings per element when opened, the same ratings as the whole consensus", async () => {
    const whole = await callerFor(coordinator).assessment.consensus(input());
    const withoutRatings = await callerFor(coordinator).assessment.consensus({ ...input(), withRatings: false });
    for (const element of whole.areas.flatMap((area) => area.elements)) {
      const slim = elementOf(withoutRatings, element.key);
      expect({ ...slim, ratings: element.ratings }).toEqual(element);
      // The coordinator answered nothing submitted, so none of theirs stays in.
      expect(slim.ratings).toEqual([]);
      expect(await callerFor(coordinator).assessment.elementRatings({ ...input(), elementKey: element.key })).toEqual(element.ratings);
    }
    // A member keeps their own rating in the slim consensus, and may not ask for everyone's.
    expect(elementOf(await callerFor(police).assessment.consensus({ ...input(), withRatings: false }), "A.mission").ratings.map((rating) => rating.respondentName)).toEqual(["Pat Police"]);
    for (const user of [police, funder, viewer]) {
      await trpcErrorOf(callerFor(user).assessment.elementRatings({ ...input(), elementKey: "A.mission" }), "FORBIDDEN");
    }
    await trpcErrorOf(callerFor(coordinator).assessment.elementRatings({ ...input(), elementKey: "Z.nothing" }), "BAD_REQUEST");
    // Another task force's coordinator cannot reach this round through their own task force.
    const other = await createAssessingTaskForce();
    await trpcErrorOf(callerFor(other.coordinator).assessment.elementRatings({ taskForceSlug: other.taskForce.slug, roundId, elementKey: "A.mission" }), "NOT_FOUND");
  });

  it("shows a member only their own ratings, and hides discipline groups of fewer than three", async () => {
    const consensus = await callerFor(police).assessment.consensus(input());
    expect(consensus.individualRatings).toBe("own");
    for (const element of consensus.areas.flatMap((area) => area.elements)) {
      expect(element.ratings.every((rating) => rating.respondentUserId === police.id && rating.isMine)).toBe(true);
    }
    const mission = elementOf(consensus, "A.mission");
    expect(mission.ratings).toHaveLength(1);
    expect(mission.stats?.median).toBe(2);
    // A group of two would let either shelter colleague subtract their own rating to get the other's.
    expect(mission.byDiscipline).toEqual([
      { discipline: "lawEnforcementLocalState", answerCount: 1, stats: null },
      { discipline: "victimServices", answerCount: 2, stats: null },
    ]);
  });

  it.each(["funder", "viewer"] as const)("gives a %s aggregates only, never a rating or a name", async (role) => {
    const user = role === "funder" ? funder : viewer;
    const consensus = await callerFor(user).assessment.consensus(input());
    expect(consensus.individualRatings).toBe("none");
    const elements = consensus.areas.flatMap((area) => area.elements);
    expect(elements.flatMap((element) => element.ratings)).toEqual([]);
    const serialized = JSON.stringify(consensus);
    for (const name of ["Pat Police", "Ari Shelter", "Bea Shelter"]) expect(serialized).not.toContain(name);
    expect(elementOf(consensus, "A.mission").stats?.median).toBe(2);
    await trpcErrorOf(callerFor(user).assessment.progress(input()), "FORBIDDEN");
    await trpcErrorOf(callerFor(user).assessment.myResponse(input()), "FORBIDDEN");
  });

  it("records an agreed stage that replaces the median as the result, and can remove it", async () => {
    const caller = callerFor(coordinator);
    await caller.assessment.recordAgreedStage({ ...input(), elementKey: "A.mission", stage: 3, note: "Agreed at the June meeting" });
    let mission = elementOf(await caller.assessment.consensus(input()), "A.mission");
    expect(mission.result).toEqual({ stage: 3, source: "agreed" });
    expect(mission.agreed).toMatchObject({ stage: 3, note: "Agreed at the June meeting", recordedByName: "Cora Coordinator" });
    expect(mission.stats?.median).toBe(2);

    await caller.assessment.recordAgreedStage({ ...input(), elementKey: "A.mission", stage: null });
    mission = elementOf(await caller.assessment.consensus(input()), "A.mission");
    expect(mission.result).toEqual({ stage: 2, source: "median" });
    expect((await auditOf(taskForce.id, "agreedStage")).map((entry) => entry.action)).toEqual(["create", "delete"]);

    const unknown = await trpcErrorOf(caller.assessment.recordAgreedStage({ ...input(), elementKey: "Z.x", stage: 2 }), "BAD_REQUEST");
    expect(domainErrorOf(unknown).messageKey).toBe("unknownElement");
    const draft = await createAssessmentRound(taskForce, coordinator, { open: false });
    const onDraft = await trpcErrorOf(caller.assessment.recordAgreedStage({ taskForceSlug: taskForce.slug, roundId: draft.id, elementKey: "A.mission", stage: 2 }), "CONFLICT");
    expect(domainErrorOf(onDraft).messageKey).toBe("roundIsDraft");
  });

  it("sets targets that everyone can read and the consensus shows", async () => {
    const caller = callerFor(coordinator);
    await caller.assessment.setTarget({ taskForceSlug: taskForce.slug, elementKey: "B.services", stage: 4, note: "By the end of the grant" });
    await caller.assessment.setTarget({ taskForceSlug: taskForce.slug, elementKey: "B.services", stage: 3, note: "Realistic" });
    expect(await callerFor(funder).assessment.targets({ taskForceSlug: taskForce.slug })).toEqual([
      expect.objectContaining({ elementKey: "B.services", stage: 3, note: "Realistic", updatedByName: "Cora Coordinator" }),
    ]);
    expect(elementOf(await callerFor(viewer).assessment.consensus(input()), "B.services").target).toEqual({ stage: 3, note: "Realistic" });
    const entries = await auditOf(taskForce.id, "elementTarget");
    expect(entries.map((entry) => entry.action)).toEqual(["create", "update"]);
    expect(entries[1]?.changes).toEqual({ stage: { from: 4, to: 3 }, note: { from: "By the end of the grant", to: "Realistic" } });
    const unknown = await trpcErrorOf(caller.assessment.setTarget({ taskForceSlug: taskForce.slug, elementKey: "Z.x", stage: 2 }), "BAD_REQUEST");
    expect(domainErrorOf(unknown).messageKey).toBe("unknownElement");
    await trpcErrorOf(callerFor(police).assessment.setTarget({ taskForceSlug: taskForce.slug, elementKey: "B.services", stage: 5 }), "FORBIDDEN");
  });

  it("shows the coordinator progress by organization and discipline, and who has not submitted", async () => {
    const progress = await callerFor(coordinator).assessment.progress(input());
    expect(progress).toMatchObject({ askedCount: 4, startedCount: 4, submittedCount: 3, elementCount: 5 });
    expect(progress.notSubmitted).toEqual([{ userId: coordinator.id, name: "Cora Coordinator" }]);
    expect(progress.byDiscipline).toEqual([
      { discipline: "lawEnforcementLocalState", asked: 1, started: 1, submitted: 1 },
      { discipline: "victimServices", asked: 2, started: 2, submitted: 2 },
      { discipline: null, asked: 1, started: 1, submitted: 0 },
    ]);
    expect(progress.byOrganization.map((group) => [group.organizationName, group.submitted])).toEqual([
      ["Police", 1],
      ["Shelter", 2],
      [null, 0],
    ]);
  });
});

describe("reminders", () => {
  let smtp: fakeSmtpServer.FakeSmtpServer;

  beforeAll(async () => {
    smtp = await fakeSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("notifies everyone asked who has not submitted, once a day, and audits it", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const done = (await createMember(taskForce, "member")).user;
    const pending = (await createMember(taskForce, "member")).user;
    await createMember(taskForce, "viewer");
    const round = await createAssessmentRound(taskForce, coordinator, { title: "Autumn round" });
    await respond(done, taskForce, round.id, answersForAll(3));

    const input = { taskForceSlug: taskForce.slug, roundId: round.id };
    expect(await callerFor(coordinator).assessment.remind(input)).toEqual({ notified: 2, alreadyRemindedToday: 0, emailed: 0 });
    expect(await callerFor(coordinator).assessment.remind(input)).toEqual({ notified: 0, alreadyRemindedToday: 2, emailed: 0 });

    const rows = await (await getDb())
      .select({ userId: notifications.userId, kind: notifications.kind, values: notifications.values, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.taskForceId, taskForce.id), eq(notifications.kind, "assessmentReminder")));
    expect(rows.map((row) => row.userId).sort()).toEqual([coordinator.id, pending.id].sort());
    expect(rows[0]).toMatchObject({
      kind: "assessmentReminder",
      values: { roundTitle: "Autumn round" },
      link: `/tf/${taskForce.slug}/assessments/${round.id}/respond`,
    });
    expect((await auditOf(taskForce.id, "assessmentRound")).filter((entry) => entry.action === "remind")).toHaveLength(1);
  });

  it("emails the reminder when SMTP is configured", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Roadmap Tests <roadmap-tests@example.org>");
    vi.stubEnv("NEXTAUTH_URL", "https://roadmap.example.org");
    const { taskForce, coordinator } = await createAssessingTaskForce({ name: "Emailing Task Force" });
    await respond(coordinator, taskForce, (await createAssessmentRound(taskForce, coordinator, { title: "Other" })).id, answersForAll(2));
    const pending = (await createMember(taskForce, "member")).user;
    const round = await createAssessmentRound(taskForce, coordinator, { title: "Mailed round" });
    await respond(coordinator, taskForce, round.id, answersForAll(2));
    smtp.messages.length = 0;

    expect(await callerFor(coordinator).assessment.remind({ taskForceSlug: taskForce.slug, roundId: round.id })).toEqual({
      notified: 1,
      alreadyRemindedToday: 0,
      emailed: 1,
    });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail?.to).toEqual([pending.email]);
    expect(headersOf(mail!).get("subject")).toBe("Reminder: Mailed round is waiting for your ratings");
    expect(textOf(mail!)).toContain(`https://roadmap.example.org/tf/${taskForce.slug}/assessments/${round.id}/respond`);
  });

  it("refuses to remind for a round that is not open", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const draft = await createAssessmentRound(taskForce, coordinator, { open: false });
    const error = await trpcErrorOf(callerFor(coordinator).assessment.remind({ taskForceSlug: taskForce.slug, roundId: draft.id }), "CONFLICT");
    expect(domainErrorOf(error).messageKey).toBe("roundNotOpen");
  });
});

describe("comparing rounds and the trend", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let first: string;
  let second: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce());
    const [ann, bo, newcomer, newcomer2, unsent] = await Promise.all(
      ["Ann", "Bo", "New One", "New Two", "Never Sent"].map(async (name) => (await createMember(taskForce, "member", { name })).user),
    );
    if (!ann || !bo || !newcomer || !newcomer2 || !unsent) throw new Error("members missing");
    first = (await createAssessmentRound(taskForce, coordinator, { title: "First" })).id;
    await respond(ann, taskForce, first, answersForAll(2, { "B.services": 4 }));
    await respond(bo, taskForce, first, answersForAll(2, { "B.services": 4, "A.protocols": "dk" }));
    await callerFor(coordinator).assessment.recordAgreedStage({ taskForceSlug: taskForce.slug, roundId: first, elementKey: "A.mou", stage: 1 });
    await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: first });

    second = (await createAssessmentRound(taskForce, coordinator, { title: "Second" })).id;
    await respond(ann, taskForce, second, answersForAll(2, { "B.services": 3 }));
    await respond(bo, taskForce, second, answersForAll(2, { "B.services": 3 }));
    await respond(newcomer, taskForce, second, answersForAll(5, { "B.services": 3 }));
    await respond(newcomer2, taskForce, second, answersForAll(5, { "B.services": 3 }));
    // Answers never submitted count nowhere: not in the comparison, the consensus or the trend.
    await respond(unsent, taskForce, second, answersForAll(1), { submit: false });
    await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: second });
  });

  const elementsOf = (result: Awaited<ReturnType<ReturnType<typeof callerFor>["assessment"]["compare"]>>) =>
    new Map(result.areas.flatMap((area) => area.elements).map((element) => [element.key, element]));

  it("compares everyone's results, agreed stage first", async () => {
    const result = await callerFor(coordinator).assessment.compare({ taskForceSlug: taskForce.slug, roundA: first, roundB: second });
    const elements = elementsOf(result);
    expect(result.respondentsInBoth).toBe(2);
    expect(elements.get("A.mission")).toMatchObject({ a: { stage: 2, source: "median" }, b: { stage: 3.5, source: "median" }, movement: "up" });
    expect(elements.get("A.mou")).toMatchObject({ a: { stage: 1, source: "agreed" }, b: { stage: 3.5 }, movement: "up" });
    expect(elements.get("B.services")).toMatchObject({ a: { stage: 4 }, b: { stage: 3 }, movement: "down" });
    expect(result.movementCounts).toEqual({ up: 4, down: 1, unchanged: 0, notComparable: 0 });
  });

  it("with same respondents only, does not read newcomers as progress", async () => {
    const result = await callerFor(coordinator).assessment.compare({
      taskForceSlug: taskForce.slug,
      roundA: first,
      roundB: second,
      sameRespondentsOnly: true,
    });
    const elements = elementsOf(result);
    expect(elements.get("A.mission")).toMatchObject({ a: { stage: 2 }, b: { stage: 2 }, movement: "unchanged", respondentsA: 2, respondentsB: 2 });
    // Only Ann rated A.protocols as a stage in both rounds (Bo said don't know at first).
    expect(elements.get("A.protocols")).toMatchObject({ respondentsA: 1, respondentsB: 1, movement: "unchanged" });
    // The agreed stage of the first round is not used when following the same people.
    expect(elements.get("A.mou")).toMatchObject({ a: { stage: 2, source: "median" }, movement: "unchanged" });
    expect(elements.get("B.services")?.movement).toBe("down");
  });

  it("shows each area's level per closed round, matching the consensus results", async () => {
    const trend = await callerFor(coordinator).assessment.trend({ taskForceSlug: taskForce.slug });
    expect(trend.rounds.map((round) => round.title)).toEqual(["First", "Second"]);
    const areaA = trend.areas.find((area) => area.key === "A");
    // First: mission 2, mou agreed 1, protocols 2 → 5/3. Second: 3.5 each.
    expect(areaA?.points.map((point) => point.mean)).toEqual([5 / 3, 3.5]);
    for (const roundId of [first, second]) {
      const consensus = await callerFor(coordinator).assessment.consensus({ taskForceSlug: taskForce.slug, roundId });
      for (const area of consensus.areas) {
        const point = trend.areas.find((candidate) => candidate.key === area.key)?.points.find((candidate) => candidate.roundId === roundId);
        expect(point?.mean).toBeCloseTo(area.result ?? Number.NaN, 10);
      }
    }
  });
});

describe("tenancy", () => {
  it("never reaches another task force's round through one's own slug", async () => {
    const a = await createAssessingTaskForce();
    const b = await createAssessingTaskForce();
    const bRound = await createAssessmentRound(b.taskForce, b.coordinator);
    await respond(b.coordinator, b.taskForce, bRound.id, answersForAll(3));
    const aRound = await createAssessmentRound(a.taskForce, a.coordinator);
    const caller = callerFor(a.coordinator);
    const viaA = { taskForceSlug: a.taskForce.slug, roundId: bRound.id };

    // Thunks, so that each call starts only when awaited (no unhandled rejection in between).
    const calls: (() => Promise<unknown>)[] = [
      () => caller.assessment.get(viaA),
      () => caller.assessment.consensus(viaA),
      () => caller.assessment.progress(viaA),
      () => caller.assessment.myResponse(viaA),
      () => caller.assessment.saveDraft({ ...viaA, elementKey: "A.mission", answer: "stage", stage: 1 }),
      () => caller.assessment.submit(viaA),
      () => caller.assessment.close(viaA),
      () => caller.assessment.remind(viaA),
      () => caller.assessment.recordAgreedStage({ ...viaA, elementKey: "A.mission", stage: 1 }),
      () => caller.assessment.compare({ taskForceSlug: a.taskForce.slug, roundA: aRound.id, roundB: bRound.id }),
    ];
    for (const call of calls) expect(domainErrorOf(await trpcErrorOf(call(), "NOT_FOUND")).messageKey).toBe("roundNotFound");
    expect((await caller.assessment.list({ taskForceSlug: a.taskForce.slug })).map((round) => round.id)).toEqual([aRound.id]);

    const bConsensus = await callerFor(b.coordinator).assessment.consensus({ taskForceSlug: b.taskForce.slug, roundId: bRound.id });
    expect(bConsensus.round.status).toBe("open");
    expect(bConsensus.areas[0]?.elements[0]?.ratings.map((rating) => rating.stage)).toEqual([3]);
  });
});

describe("whom a round may ask", () => {
  it("offers the coordinator exactly the people a round accepts: coordinators and members, never a funder or a viewer", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce({ coordinatorName: "Cora Coordinator" });
    const { id: organizationId } = await createOrganization(taskForce, { name: "Harbor Police" });
    const { user: member } = await createMember(taskForce, "member", { organizationId, name: "Dana Deputy" });
    const { user: funder } = await createMember(taskForce, "funder", { name: "Frances Funder" });
    const { user: viewer } = await createMember(taskForce, "viewer", { name: "Vic Viewer" });
    const caller = callerFor(coordinator);
    const taskForceSlug = taskForce.slug;

    const offered = await caller.assessment.respondents({ taskForceSlug });
    expect(offered).toEqual([
      { userId: coordinator.id, name: "Cora Coordinator", role: "coordinator", organizationName: null },
      { userId: member.id, name: "Dana Deputy", role: "member", organizationName: "Harbor Police" },
    ]);
    const round = { taskForceSlug, title: "Chosen round", audience: "chosen" as const, opensOn: dateFromToday(0), closesOn: dateFromToday(5) };
    await caller.assessment.create({ ...round, userIds: offered.map((person) => person.userId) });
    for (const outsider of [funder, viewer]) {
      const error = await trpcErrorOf(caller.assessment.create({ ...round, userIds: [outsider.id] }), "BAD_REQUEST");
      expect(domainErrorOf(error)).toMatchObject({ messageKey: "respondentNotEligible", field: "userIds" });
    }
    // Only those who draft rounds see the list.
    await trpcErrorOf(callerFor(member).assessment.respondents({ taskForceSlug }), "FORBIDDEN");
  });
});
