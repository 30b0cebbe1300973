import { getDb, type Database } from "@/server/lib/unitOfWork";
import type { FrameworkContent } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { compareElement, elementResult, meanOfResults, type ElementComparison, type ElementResult, type Movement, type RespondentRating } from "./consensus";
import { mayShowCounts, medianOfCounts, type AnswerCounts } from "./ratingPrivacy";
import { listAgreedStages, listClosedRoundAnswerCounts, listSubmittedRatings } from "./results.queries";
import { listRoundsWithContent } from "./assessments.queries";
import type { CompareRoundsInput } from "./assessments.schemas";
import { groupBy, minRatingGroupsOf, ratingGroupLimitOf, toRespondentRating } from "./results.service";

/*
 * Change over time: two rounds compared element by element, and the trend of each area over the
 * closed rounds (also for the dashboard, the funder portfolio and reports).
 */

/* ---------- comparison and trend ---------- */

interface ComparedElement extends ElementComparison {
  key: string;
  name: string;
}

export async function compareRounds(scope: TaskForceScope, input: CompareRoundsInput) {
  const db = await getDb();
  const ids = [...new Set([input.roundA, input.roundB])];
  const [rounds, rows, agreed, minGroup] = await Promise.all([
    listRoundsWithContent(db, [scope.taskForceId], { ids, locale: scope.locale }),
    listSubmittedRatings(db, scope.taskForceId, ids),
    listAgreedStages(db, [scope.taskForceId], ids),
    ratingGroupLimitOf(db, scope),
  ]);
  const roundA = rounds.find((round) => round.id === input.roundA);
  const roundB = rounds.find((round) => round.id === input.roundB);
  if (!roundA || !roundB) throw new DomainError("NOT_FOUND", "roundNotFound");

  const ratings = groupBy(rows, (row) => `${row.roundId}|${row.elementKey}`);
  const agreedStage = new Map(agreed.map((row) => [`${row.roundId}|${row.elementKey}`, row.stage]));
  const respondentsOf = (roundId: string) => new Set(rows.filter((row) => row.roundId === roundId).map((row) => row.respondentUserId));
  const inA = respondentsOf(roundA.id);

  // B's structure first (the later round), then anything only A had, so nothing silently disappears.
  const areaOrder: { key: string; name: string; elements: { key: string; name: string }[] }[] = roundB.content.areas.map((area) => ({
    key: area.key,
    name: area.name,
    elements: area.elements.map(({ key, name }) => ({ key, name })),
  }));
  const seen = new Set(areaOrder.flatMap((area) => area.elements.map((element) => element.key)));
  for (const area of roundA.content.areas) {
    const missing = area.elements.filter((element) => !seen.has(element.key)).map(({ key, name }) => ({ key, name }));
    if (missing.length === 0) continue;
    const target = areaOrder.find((candidate) => candidate.key === area.key);
    if (target) target.elements.push(...missing);
    else areaOrder.push({ key: area.key, name: area.name, elements: missing });
  }

  const movementCounts: Record<Movement, number> = { up: 0, down: 0, unchanged: 0, notComparable: 0 };
  const areas = areaOrder.map((area) => {
    const elements: ComparedElement[] = area.elements.map((element) => {
      const comparison = compareElement({
        ratingsA: (ratings.get(`${roundA.id}|${element.key}`) ?? []).map(toRespondentRating),
        ratingsB: (ratings.get(`${roundB.id}|${element.key}`) ?? []).map(toRespondentRating),
        agreedA: agreedStage.get(`${roundA.id}|${element.key}`) ?? null,
        agreedB: agreedStage.get(`${roundB.id}|${element.key}`) ?? null,
        sameRespondentsOnly: input.sameRespondentsOnly,
        minGroup,
      });
      movementCounts[comparison.movement] += 1;
      return { key: element.key, name: element.name, ...comparison };
    });
    return {
      key: area.key,
      name: area.name,
      resultA: meanOfResults(elements.map((element) => element.a.stage)),
      resultB: meanOfResults(elements.map((element) => element.b.stage)),
      elements,
    };
  });
  const summaryOf = (round: typeof roundA) => ({ id: round.id, title: round.title, status: round.status, opensOn: round.opensOn, closesOn: round.closesOn });
  return {
    roundA: summaryOf(roundA),
    roundB: summaryOf(roundB),
    sameRespondentsOnly: input.sameRespondentsOnly,
    respondentsInBoth: [...respondentsOf(roundB.id)].filter((id) => inA.has(id)).length,
    movementCounts,
    areas,
  };
}

/**
 * Each area's level per closed round, oldest first: the mean of its element results (agreed stage,
 * else median) that the caller may see. Four queries whatever the number of rounds: rounds, answer
 * counts (aggregated in SQL), agreed stages, the task force's minimum rating group. Areas are
 * matched by key; names come from the latest round's framework.
 */
export async function getTrend(scope: TaskForceScope) {
  return areaTrendOf(await getDb(), scope.taskForceId, !can(scope.role, "assessment.readIndividual"), scope.locale);
}

/**
 * getTrend for a task force the caller was already checked for (a report section). `restricted`:
 * results only of groups that may be shown to someone who may not read individual ratings — always
 * true for anything that leaves the task force (reports, the funder portfolio).
 */
export async function areaTrendOf(db: Database, taskForceId: string, restricted: boolean, locale: string | undefined) {
  return (await areaTrendsOf(db, [taskForceId], restricted, locale))(taskForceId);
}

/**
 * The trends of task forces the caller was already checked for (the funder portfolio spans
 * several): the same queries for any number of them. Returns each task force's trend by id.
 */
export async function areaTrendsOf(db: Database, taskForceIds: readonly string[], restricted: boolean, locale: string | undefined) {
  const [rounds, counts, agreed, minGroupOf] = await Promise.all([
    listRoundsWithContent(db, taskForceIds, { status: "closed", locale }),
    listClosedRoundAnswerCounts(db, taskForceIds),
    listAgreedStages(db, taskForceIds),
    minRatingGroupsOf(db, taskForceIds),
  ]);
  return (taskForceId: string) => {
    const own = <T extends { taskForceId: string }>(rows: readonly T[]) => rows.filter((row) => row.taskForceId === taskForceId);
    const medians = elementMedians(own(counts), restricted ? minGroupOf(taskForceId) : null);
    return areaTrendFrom(own(rounds), medians, own(agreed));
  };
}

/** The median per closed round and element of the caller's task force, withheld as getTrend would (a gap's progress). */
export async function closedRoundMediansFor(db: Database, scope: TaskForceScope) {
  const [counts, minGroup] = await Promise.all([listClosedRoundAnswerCounts(db, [scope.taskForceId]), ratingGroupLimitOf(db, scope)]);
  return elementMedians(counts, minGroup);
}

/** Answer-count rows (one per round, element and answer) as counts per round and element. */
export function answerCountsByElement(rows: readonly { roundId: string; elementKey: string; answer: RespondentRating["answer"]; stage: number | null; count: number }[]) {
  const byElement = new Map<string, { roundId: string; elementKey: string; counts: { stages: number[]; dontKnow: number; notApplicable: number } }>();
  for (const row of rows) {
    const key = `${row.roundId}|${row.elementKey}`;
    let entry = byElement.get(key);
    if (!entry) {
      entry = { roundId: row.roundId, elementKey: row.elementKey, counts: { stages: [0, 0, 0, 0, 0], dontKnow: 0, notApplicable: 0 } };
      byElement.set(key, entry);
    }
    if (row.answer === "stage" && row.stage !== null && row.stage >= 1 && row.stage <= 5) entry.counts.stages[row.stage - 1] = (entry.counts.stages[row.stage - 1] ?? 0) + row.count;
    else if (row.answer === "dont_know") entry.counts.dontKnow += row.count;
    else if (row.answer === "not_applicable") entry.counts.notApplicable += row.count;
  }
  return [...byElement.values()];
}

/**
 * The median per round and element, with `withheld` set where the group may not be shown to the
 * caller (minGroup not null; ratingPrivacy.ts rules 1 and 2).
 */
export function elementMedians(rows: Parameters<typeof answerCountsByElement>[0], minGroup: number | null) {
  return answerCountsByElement(rows).map(({ roundId, elementKey, counts }: { roundId: string; elementKey: string; counts: AnswerCounts }) => ({
    roundId,
    elementKey,
    median: medianOfCounts(counts),
    withheld: minGroup !== null && !mayShowCounts(counts, minGroup),
  }));
}

function areaTrendFrom(
  rounds: readonly { id: string; title: string; opensOn: string; closesOn: string; closedAt: Date | null; content: FrameworkContent }[],
  medians: readonly { roundId: string; elementKey: string; median: number | null; withheld: boolean }[],
  agreed: readonly { roundId: string; elementKey: string; stage: number }[],
) {
  const medianOf = new Map(medians.map((row) => [`${row.roundId}|${row.elementKey}`, row]));
  const agreedOf = new Map(agreed.map((row) => [`${row.roundId}|${row.elementKey}`, row.stage]));

  const areaNames = new Map<string, string>();
  for (const round of rounds) for (const area of round.content.areas) areaNames.set(area.key, area.name);

  const areas = [...areaNames.entries()].map(([key, name]) => ({
    key,
    name,
    points: rounds.map((round) => {
      const area = round.content.areas.find((candidate) => candidate.key === key);
      const results: ElementResult[] = (area?.elements ?? []).map((element) => {
        const id = `${round.id}|${element.key}`;
        const median = medianOf.get(id);
        return elementResult(agreedOf.get(id) ?? null, { median: median?.median ?? null }, median?.withheld ?? false);
      });
      return {
        roundId: round.id,
        mean: meanOfResults(results.map((result) => result.stage)),
        elementsWithResult: results.filter((result) => result.stage !== null).length,
      };
    }),
  }));
  return {
    rounds: rounds.map((round) => ({ id: round.id, title: round.title, opensOn: round.opensOn, closesOn: round.closesOn, closedAt: round.closedAt })),
    areas,
  };
}
