import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { answersForAll, callerFor, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, createOrganization, respond, type TestAnswer, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { meanOfResults } from "./consensus";

/*
 * Attacks on ratings through the procedures, as a member, a viewer and a funder: everything each
 * of them is sent about two rounds (results, comparison with and without "same respondents only",
 * the trend the dashboard widgets read, a gap's progress, the funder portfolio) is checked for a
 * group of people whose answers it pins down — a shown group, the overall distribution minus the
 * shown groups, and either of those minus the attacker's own answer. The rule itself is proven
 * exhaustively in ratingPrivacy.test.ts; this file proves every view goes through it.
 *
 * The task force: a lone prosecutor, three shelter staff, three police officers, two health
 * workers. Spring: all nine answer. Autumn: the two health workers do not.
 */

type Caller = ReturnType<typeof callerFor>;
type Consensus = Awaited<ReturnType<Caller["assessment"]["consensus"]>>;
type Element = Consensus["areas"][number]["elements"][number];
type Stats = NonNullable<Element["stats"]>;

const SPRING: Record<string, Record<string, TestAnswer>> = {
  // An ordinary element: shelter and police groups both pass, the rest (prosecutor + health) is three varied answers.
  "A.mission": { P: 1, S1: 2, S2: 3, S3: 4, L1: 1, L2: 3, L3: 5, H1: 2, H2: 5 },
  // The lone prosecutor: with shelter and police shown, overall minus both is the prosecutor and two "don't know".
  "A.mou": { P: 5, S1: 2, S2: 3, S3: 4, L1: 1, L2: 3, L3: 5, H1: "dk", H2: "dk" },
  // Two shelter staff agree: a shelter member subtracting their own would learn the others'.
  "A.protocols": { P: 2, S1: 4, S2: 4, S3: 1, L1: 1, L2: 2, L3: 3, H1: 5, H2: 3 },
  // Unanimous: any distribution names everyone's rating.
  "B.services": { P: 3, S1: 3, S2: 3, S3: 3, L1: 3, L2: 3, L3: 3, H1: 3, H2: 3 },
  // All but one: the one who differs learns everyone else's.
  "B.identification": { P: 3, S1: 3, S2: 3, S3: 3, L1: 3, L2: 3, L3: 3, H1: 3, H2: 4 },
};
const PEOPLE = ["P", "S1", "S2", "S3", "L1", "L2", "L3", "H1", "H2"] as const;
type Person = (typeof PEOPLE)[number];
const DISCIPLINE: Record<string, string> = { P: "prosecution", S: "victimServices", L: "lawEnforcementLocalState", H: "health" };
const disciplineOf = (person: Person) => DISCIPLINE[person[0] as string] as string;

const categoryOf = (answer: TestAnswer) => (answer === "dk" ? "dont_know" : answer === "na" ? "not_applicable" : `stage ${answer}`);

/** A shown group's answers as category → count. */
function multisetOf(stats: Stats): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { stage, count } of stats.distribution) if (count) counts.set(`stage ${stage}`, count);
  if (stats.dontKnowCount) counts.set("dont_know", stats.dontKnowCount);
  if (stats.notApplicableCount) counts.set("not_applicable", stats.notApplicableCount);
  return counts;
}

function minus(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const result = new Map(a);
  for (const [key, count] of b) {
    const left = (result.get(key) ?? 0) - count;
    if (left < 0) throw new Error(`inconsistent views: ${key}`);
    if (left === 0) result.delete(key);
    else result.set(key, left);
  }
  return result;
}

/**
 * What an attacker recovers from one element's view: for every group of people whose answers
 * they know as a multiset (each shown group, and overall minus the shown groups), take out their
 * own answer when they belong to it; if everyone left gave the same answer, those ratings are known.
 */
function recoveredFrom(element: Element, attacker: { discipline: string; answer: TestAnswer } | null): string[] {
  const recovered: string[] = [];
  const check = (label: string, known: Map<string, number>, includesAttacker: boolean) => {
    const rest = includesAttacker && attacker ? minus(known, new Map([[categoryOf(attacker.answer), 1]])) : known;
    const size = [...rest.values()].reduce((sum, count) => sum + count, 0);
    if (size > 0 && rest.size === 1) recovered.push(`${label}: ${size} × ${[...rest.keys()][0]}`);
  };
  if (element.stats === null) {
    expect(element.byDiscipline.every((group) => group.stats === null)).toBe(true);
    return recovered;
  }
  const overall = multisetOf(element.stats);
  check("overall", overall, attacker !== null);
  let remainder = overall;
  const hidden: string[] = [];
  for (const group of element.byDiscipline) {
    if (group.stats) {
      check(`group ${group.discipline}`, multisetOf(group.stats), attacker?.discipline === group.discipline);
      remainder = minus(remainder, multisetOf(group.stats));
    } else hidden.push(String(group.discipline));
  }
  if (hidden.length) check(`overall minus shown groups (${hidden.join(", ")})`, remainder, attacker !== null && hidden.includes(attacker.discipline));
  return recovered;
}

describe("ratings stay private below a minimum group", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let viewer: TestUser;
  let funder: TestUser;
  const people = {} as Record<Person, TestUser>;
  let spring: string;
  let autumn: string;
  let gapId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce());
    const organizations: Record<string, string> = {};
    for (const [letter, discipline] of Object.entries(DISCIPLINE)) {
      organizations[letter] = (await createOrganization(taskForce, { name: `${discipline} agency`, primaryDiscipline: discipline })).id;
    }
    for (const person of PEOPLE) people[person] = (await createMember(taskForce, "member", { name: `Person ${person}`, organizationId: organizations[person[0] as string] })).user;
    viewer = (await createMember(taskForce, "viewer")).user;
    funder = (await createMember(taskForce, "funder")).user;

    const answersOf = (person: Person, shift: number) =>
      answersForAll(1, Object.fromEntries(Object.entries(SPRING).map(([key, byPerson]) => {
        const answer = byPerson[person] as TestAnswer;
        return [key, typeof answer === "number" && shift ? Math.min(5, answer + shift) : answer];
      })));
    spring = (await createAssessmentRound(taskForce, coordinator, { title: "Spring" })).id;
    for (const person of PEOPLE) await respond(people[person], taskForce, spring, answersOf(person, 0));
    await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: spring });
    gapId = (await createGapFor(taskForce, coordinator, { elementKey: "B.services", sourceRoundId: spring })).id;
    autumn = (await createAssessmentRound(taskForce, coordinator, { title: "Autumn" })).id;
    for (const person of PEOPLE.filter((person) => !person.startsWith("H"))) await respond(people[person], taskForce, autumn, answersOf(person, 1));
    await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: autumn });
  });

  const input = () => ({ taskForceSlug: taskForce.slug });
  const elementsOf = (consensus: Consensus) => consensus.areas.flatMap((area) => area.elements);
  const element = (consensus: Consensus, key: string) => {
    const found = elementsOf(consensus).find((candidate) => candidate.key === key);
    if (!found) throw new Error(key);
    return found;
  };

  const attackers = () => [
    ...PEOPLE.map((person) => ({ name: `member ${person}`, user: people[person], person: person as Person | null })),
    { name: "viewer", user: viewer, person: null },
    { name: "funder", user: funder, person: null },
  ];

  it("a coordinator still sees every group, every rating and every median", async () => {
    const consensus = await callerFor(coordinator).assessment.consensus({ ...input(), roundId: spring });
    expect(element(consensus, "B.services").stats?.distribution.map((entry) => entry.count)).toEqual([0, 0, 9, 0, 0]);
    expect(element(consensus, "B.services").result).toEqual({ stage: 3, source: "median" });
    expect(element(consensus, "A.mou").byDiscipline.map((group) => [group.discipline, group.stats?.median])).toEqual([
      ["health", null],
      ["lawEnforcementLocalState", 3],
      ["prosecution", 5],
      ["victimServices", 3],
    ]);
    expect(element(consensus, "A.mou").ratings).toHaveLength(9);
    expect(consensus.minRatingGroup).toBeNull();
  });

  it("no member, viewer or funder recovers a rating from the results of either round", async () => {
    for (const roundId of [spring, autumn]) {
      for (const { name, user, person } of attackers()) {
        const consensus = await callerFor(user).assessment.consensus({ ...input(), roundId });
        for (const shown of elementsOf(consensus)) {
          const own = person ? shown.ratings.find((rating) => rating.isMine) : undefined;
          const attacker = person && own ? { discipline: disciplineOf(person), answer: (own.answer === "stage" ? own.stage : own.answer === "dont_know" ? "dk" : "na") as TestAnswer } : null;
          expect(recoveredFrom(shown, attacker), `${name}, ${shown.key}`).toEqual([]);
          // Never anyone else's rating row.
          expect(shown.ratings.every((rating) => rating.isMine)).toBe(true);
        }
      }
    }
  });

  it("hides the lone prosecutor: overall minus the shown groups is never fewer than three people", async () => {
    const mou = element(await callerFor(viewer).assessment.consensus({ ...input(), roundId: spring }), "A.mou");
    expect(mou.stats?.answerCount).toBe(9);
    // Shelter and police would each pass alone; both shown would leave the prosecutor with two "don't know".
    const shown = mou.byDiscipline.filter((group) => group.stats !== null).map((group) => group.discipline);
    expect(shown).toHaveLength(1);
    const hiddenPeople = mou.byDiscipline.filter((group) => group.stats === null).reduce((sum, group) => sum + group.answerCount, 0);
    expect(hiddenPeople).toBeGreaterThanOrEqual(3);
  });

  it("hides groups of two and groups where all but one agree, from members, viewers and funders", async () => {
    for (const user of [people.S1, viewer, funder]) {
      const consensus = await callerFor(user).assessment.consensus({ ...input(), roundId: spring });
      for (const shown of elementsOf(consensus)) expect(shown.byDiscipline.find((group) => group.discipline === "health")?.stats).toBeNull();
      // A.protocols: shelter {4, 4, 1}: S3 (who said 1) would learn S1 and S2 said 4.
      expect(element(consensus, "A.protocols").byDiscipline.find((group) => group.discipline === "victimServices")?.stats).toBeNull();
      for (const key of ["B.services", "B.identification"]) {
        expect(element(consensus, key).stats).toBeNull();
        expect(element(consensus, key).result).toEqual({ stage: null, source: "withheld" });
        expect(element(consensus, key).answerCount).toBe(9);
      }
      expect(consensus.minRatingGroup).toBe(3);
    }
  });

  it("shows an agreed stage even where the group is withheld", async () => {
    await callerFor(coordinator).assessment.recordAgreedStage({ ...input(), roundId: spring, elementKey: "B.services", stage: 3, note: "" });
    try {
      const services = element(await callerFor(funder).assessment.consensus({ ...input(), roundId: spring }), "B.services");
      expect(services.result).toEqual({ stage: 3, source: "agreed" });
      expect(services.stats).toBeNull();
    } finally {
      await callerFor(coordinator).assessment.recordAgreedStage({ ...input(), roundId: spring, elementKey: "B.services", stage: null });
    }
  });

  it("the comparison withholds the medians of the people who stayed when those who left are fewer than three", async () => {
    // Autumn lacks the two health workers: spring's distribution minus the stayers' median would point at them.
    // In autumn nobody left, so its side is autumn's own result.
    for (const { name, user } of attackers()) {
      const caller = callerFor(user);
      const same = await caller.assessment.compare({ ...input(), roundA: spring, roundB: autumn, sameRespondentsOnly: true });
      const autumnResults = await caller.assessment.consensus({ ...input(), roundId: autumn });
      for (const compared of same.areas.flatMap((area) => area.elements)) {
        expect(compared.a, `${name}, ${compared.key}`).toEqual({ stage: null, source: "withheld" });
        expect(compared.b, `${name}, ${compared.key}`).toEqual(element(autumnResults, compared.key).result);
        expect(compared.movement).toBe("notComparable");
      }
    }
    const coordinatorView = await callerFor(coordinator).assessment.compare({ ...input(), roundA: spring, roundB: autumn, sameRespondentsOnly: true });
    expect(coordinatorView.areas.flatMap((area) => area.elements).find((compared) => compared.key === "A.mission")?.a).toEqual({ stage: 3, source: "median" });
  });

  it("the comparison of all respondents shows each side exactly as that round's results show it", async () => {
    for (const { name, user } of attackers()) {
      const caller = callerFor(user);
      const [compared, a, b] = await Promise.all([
        caller.assessment.compare({ ...input(), roundA: spring, roundB: autumn, sameRespondentsOnly: false }),
        caller.assessment.consensus({ ...input(), roundId: spring }),
        caller.assessment.consensus({ ...input(), roundId: autumn }),
      ]);
      for (const row of compared.areas.flatMap((area) => area.elements)) {
        expect(row.a, `${name}, ${row.key}`).toEqual(element(a, row.key).result);
        expect(row.b, `${name}, ${row.key}`).toEqual(element(b, row.key).result);
      }
    }
  });

  it("the trend (the dashboard's radar and trend widgets) adds nothing to the results: each level is the mean of the shown results", async () => {
    for (const { name, user } of [...attackers(), { name: "coordinator", user: coordinator }]) {
      const caller = callerFor(user);
      const trend = await caller.assessment.trend(input());
      expect(trend.rounds.map((round) => round.title)).toEqual(["Spring", "Autumn"]);
      for (const round of trend.rounds) {
        const consensus = await caller.assessment.consensus({ ...input(), roundId: round.id });
        for (const area of consensus.areas) {
          const point = trend.areas.find((candidate) => candidate.key === area.key)?.points.find((candidate) => candidate.roundId === round.id);
          const results = area.elements.map((shown) => shown.result.stage);
          expect(point?.mean, `${name}, ${round.title}, ${area.key}`).toBe(meanOfResults(results));
          expect(point?.elementsWithResult).toBe(results.filter((stage) => stage !== null).length);
        }
      }
    }
    // For the coordinator area B includes the unanimous 3 and the 3 of all but one; for everyone else they are left out.
    const level = async (user: TestUser) => (await callerFor(user).assessment.trend(input())).areas.find((area) => area.key === "B")?.points[0];
    expect((await level(coordinator))?.elementsWithResult).toBe(2);
    expect(await level(funder)).toEqual(expect.objectContaining({ mean: null, elementsWithResult: 0 }));
  });

  it("a gap's progress shows the same results as the round results do", async () => {
    for (const { user } of attackers()) {
      const progress = await callerFor(user).gap.progress({ ...input(), gapId });
      expect(progress.rounds.map((round) => [round.stage, round.source])).toEqual([
        [null, "withheld"],
        [null, "withheld"],
      ]);
    }
    const progress = await callerFor(coordinator).gap.progress({ ...input(), gapId });
    expect(progress.rounds.map((round) => round.stage)).toEqual([3, 4]);
  });

  it("the funder portfolio shows the levels the funder's own trend shows, never the coordinator's", async () => {
    const [row] = await callerFor(funder).funder.portfolio();
    const trend = await callerFor(funder).assessment.trend(input());
    const autumnId = trend.rounds.at(-1)?.id;
    expect(row?.areas.map((area) => [area.key, area.level])).toEqual(trend.areas.map((area) => [area.key, area.points.find((point) => point.roundId === autumnId)?.mean ?? null]));
    expect(row?.areas.find((area) => area.key === "B")?.level).toBeNull();
  });

  it("the setting: a coordinator can raise the minimum group, never below three, and it is audited", async () => {
    const caller = callerFor(coordinator);
    expect(await caller.assessment.ratingPrivacy(input())).toEqual({ minRatingGroup: 3, floor: 3, max: 50, seesEveryGroup: true });
    await trpcErrorOf(caller.assessment.setMinRatingGroup({ ...input(), minRatingGroup: 2 }), "BAD_REQUEST");
    await trpcErrorOf(caller.assessment.setMinRatingGroup({ ...input(), minRatingGroup: 51 }), "BAD_REQUEST");
    await trpcErrorOf(caller.assessment.setMinRatingGroup({ ...input(), minRatingGroup: 3.5 }), "BAD_REQUEST");
    await trpcErrorOf(callerFor(people.P).assessment.setMinRatingGroup({ ...input(), minRatingGroup: 5 }), "FORBIDDEN");
    await trpcErrorOf(callerFor(funder).assessment.setMinRatingGroup({ ...input(), minRatingGroup: 5 }), "FORBIDDEN");

    await caller.assessment.setMinRatingGroup({ ...input(), minRatingGroup: 8 });
    try {
      // Autumn has seven respondents: below eight, nothing of it is shown to the others.
      const autumnView = await callerFor(viewer).assessment.consensus({ ...input(), roundId: autumn });
      expect(elementsOf(autumnView).every((shown) => shown.stats === null && shown.result.source === "withheld")).toBe(true);
      expect(element(await callerFor(viewer).assessment.consensus({ ...input(), roundId: spring }), "A.mission").stats?.answerCount).toBe(9);
      expect((await callerFor(people.P).assessment.ratingPrivacy(input())).minRatingGroup).toBe(8);
      const entries = await (await getDb())
        .select({ changes: auditLog.changes, actorUserId: auditLog.actorUserId })
        .from(auditLog)
        .where(and(eq(auditLog.taskForceId, taskForce.id), eq(auditLog.entity, "taskForce")));
      expect(entries).toContainEqual({ changes: { minRatingGroup: { from: 3, to: 8 } }, actorUserId: coordinator.id });
    } finally {
      await caller.assessment.setMinRatingGroup({ ...input(), minRatingGroup: 3 });
    }
  });
});
