/*
 * Which aggregates of assessment ratings someone who may not read individual ratings (members,
 * viewers, funders, and every report or export meant for outside use) is shown. Pure functions;
 * the assessments service, the trend, the gap progress, the funder portfolio and the progress
 * report all decide through them, so every view of the same ratings hides the same groups.
 *
 * The promise (shared/domain/privacy.md rule 3): from everything they are shown together, and
 * from their own answer, nobody but a coordinator can tell how a specific colleague answered an
 * element. We assume the worst about what the person already knows: who answered, who belongs to
 * which discipline, and how they answered themselves. A "group" is a set of people who answered
 * the element (a stage, "don't know" or "not applicable" — seven possible answers).
 *
 * Shown statistics of a group (distribution, don't-know and not-applicable counts, median,
 * quartiles, min/max, disagreement) are functions of the group's multiset of answers, so what a
 * person can learn from a shown group is at most that multiset. Then:
 *
 * 1. Size. A group is shown only when at least `minGroup` people answered (a task-force setting,
 *    never below 3). One answer is the answer; of two, a member subtracts their own.
 * 2. Diversity. A group is shown only when at least two people in it gave an answer other than the
 *    most common one. Otherwise subtracting one's own answer can leave only one answer for all the
 *    others: in a group of three who all said stage 3, each of them learns that both colleagues said
 *    3; in {1, 3, 3}, the person who said 1 learns the same. Unanimity is exactly the case where a
 *    distribution names everyone's rating, so it is left to the coordinator to record the agreed
 *    stage (a decision taken together, which is shown to everyone).
 * 3. Complements. The discipline groups of an element partition its respondents, so the overall
 *    distribution minus the shown groups is the distribution of the hidden ones. The hidden
 *    remainder must therefore be empty or itself pass 1 and 2; when it does not, the smallest shown
 *    group is hidden too, until it does (at worst every group is hidden, and the remainder is the
 *    overall group, which passed). When the overall group is hidden, so is every group in it (a
 *    subgroup of a group that fails 1 or 2 fails it too).
 * 4. Nested groups across rounds. Comparing "the same respondents only" shows the median of the
 *    people who rated the element in both rounds (a subgroup of each round's respondents). It is
 *    shown only when that subgroup passes 1 and 2 and so do the people left out of it (or nobody is
 *    left out), so the round's result minus the subgroup does not isolate anyone either.
 * 5. Derived figures (area means, movement counts, the trend) are computed from shown results only;
 *    a hidden element result is left out of them, never filled in.
 *
 * Counts of people (how many answered, per discipline) are always shown: they say who took part,
 * not how anyone rated. An agreed stage is always shown.
 */
import { DISAGREEMENT_SPREAD, elementResult, elementStats, quantile, STAGES, statsByDiscipline, type ElementStats, type Rating, type RespondentRating, type Stage } from "./consensus";

/** The smallest group of respondents whose statistics may be shown; the setting can only raise it. */
export const MIN_RATING_GROUP_FLOOR = 3;
/** The setting's default. */
export const MIN_RATING_GROUP_DEFAULT = 3;
/** An upper bound for the setting so that a typo (300) does not hide every result by accident. */
export const MIN_RATING_GROUP_MAX = 50;

/** The seven possible answers to an element, as counts. */
export interface AnswerCounts {
  /** How many rated stage 1…5, in stage order. */
  stages: readonly [number, number, number, number, number] | readonly number[];
  dontKnow: number;
  notApplicable: number;
}

const isStage = (value: number | null): value is Stage => value !== null && Number.isInteger(value) && value >= 1 && value <= 5;

export function countAnswers(ratings: readonly Rating[]): AnswerCounts {
  const stages = [0, 0, 0, 0, 0];
  let dontKnow = 0;
  let notApplicable = 0;
  for (const rating of ratings) {
    if (rating.answer === "stage" && isStage(rating.stage)) stages[rating.stage - 1] = (stages[rating.stage - 1] as number) + 1;
    else if (rating.answer === "dont_know") dontKnow += 1;
    else if (rating.answer === "not_applicable") notApplicable += 1;
  }
  return { stages, dontKnow, notApplicable };
}

const sizeOf = (counts: AnswerCounts) => counts.stages.reduce((sum, count) => sum + count, 0) + counts.dontKnow + counts.notApplicable;

/** Rules 1 and 2 on a group given by its answer counts. */
export function mayShowCounts(counts: AnswerCounts, minGroup: number): boolean {
  const size = sizeOf(counts);
  if (size < Math.max(minGroup, MIN_RATING_GROUP_FLOOR)) return false;
  const mostCommon = Math.max(...counts.stages, counts.dontKnow, counts.notApplicable);
  return size - mostCommon >= 2;
}

/** Rules 1 and 2 on a group of ratings. */
export function mayShowGroup(ratings: readonly Rating[], minGroup: number): boolean {
  return mayShowCounts(countAnswers(ratings), minGroup);
}

/**
 * Rule 3: which of the groups that partition a shown overall group may be shown. `keys` are
 * returned in the order given; ties in size are hidden in reverse order of the list.
 */
export function shownGroupKeys<K>(overall: readonly Rating[], groups: readonly { key: K; ratings: readonly Rating[] }[], minGroup: number): Set<K> {
  if (!mayShowGroup(overall, minGroup)) return new Set();
  const shown = groups.filter((group) => mayShowGroup(group.ratings, minGroup));
  for (;;) {
    const remainder = groups.filter((group) => !shown.includes(group)).flatMap((group) => group.ratings);
    if (remainder.length === 0 || mayShowGroup(remainder, minGroup)) break;
    // Hide the smallest shown group: it costs the least information and grows the remainder.
    let smallest = shown[0];
    for (const group of shown) if (smallest && group.ratings.length <= smallest.ratings.length) smallest = group;
    if (!smallest) break;
    shown.splice(shown.indexOf(smallest), 1);
  }
  return new Set(shown.map((group) => group.key));
}

/**
 * Rule 4: may the median of `subgroup` (people who rated in both rounds) be shown, given everyone
 * who answered the element in that round (`all`, which contains the subgroup)?
 */
export function mayShowSubgroup(all: readonly (Rating & { respondentId: string })[], subgroup: readonly (Rating & { respondentId: string })[], minGroup: number): boolean {
  if (!mayShowGroup(subgroup, minGroup)) return false;
  const inSubgroup = new Set(subgroup.map((rating) => rating.respondentId));
  const leftOut = all.filter((rating) => !inSubgroup.has(rating.respondentId));
  return leftOut.length === 0 || mayShowGroup(leftOut, minGroup);
}

/** The median stage from counts (type 7, as consensus.ts); null when nobody rated a stage. */
export function medianOfCounts(counts: AnswerCounts): number | null {
  const sorted = counts.stages.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
  return quantile(sorted, 0.5);
}

/** ElementStats from counts (the same numbers elementStats gives for the ratings behind them). */
export function statsOfCounts(counts: AnswerCounts): ElementStats {
  const sorted = counts.stages.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
  const min = sorted.length ? (sorted[0] as number) : null;
  const max = sorted.length ? (sorted[sorted.length - 1] as number) : null;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    answerCount: sizeOf(counts),
    stageCount: sorted.length,
    dontKnowCount: counts.dontKnow,
    notApplicableCount: counts.notApplicable,
    median: quantile(sorted, 0.5),
    min,
    max,
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
    disagreement: min !== null && max !== null && max - min >= DISAGREEMENT_SPREAD,
    distribution: STAGES.map((stage) => ({ stage, count: counts.stages[stage - 1] ?? 0 })),
  };
}

export interface DisciplineSplit {
  discipline: string | null;
  answerCount: number;
  /** Null when the group may not be shown to someone who may not read individual ratings. */
  stats: ElementStats | null;
}

/**
 * One element's statistics as the caller may see them: everything when `minGroup` is null,
 * otherwise only the groups ratingPrivacy.ts allows (the overall group, then the discipline split
 * with complementary suppression); the median result is withheld with the overall group.
 */
export function elementView(ratings: readonly (Rating | RespondentRating)[], agreedStage: number | null, minGroup: number | null) {
  const stats = elementStats(ratings);
  const groups = statsByDiscipline(ratings);
  if (minGroup === null) {
    return {
      answerCount: stats.answerCount,
      stats: stats as ElementStats | null,
      byDiscipline: groups.map(({ discipline, stats: group }): DisciplineSplit => ({ discipline, answerCount: group.answerCount, stats: group })),
      result: elementResult(agreedStage, stats),
    };
  }
  const overallShown = mayShowGroup(ratings, minGroup);
  const shown = shownGroupKeys(
    ratings,
    groups.map(({ discipline }) => ({ key: discipline, ratings: ratings.filter((rating) => (rating.discipline ?? null) === discipline) })),
    minGroup,
  );
  return {
    answerCount: stats.answerCount,
    stats: overallShown ? stats : null,
    byDiscipline: groups.map(({ discipline, stats: group }): DisciplineSplit => ({
      discipline,
      answerCount: group.answerCount,
      stats: shown.has(discipline) ? group : null,
    })),
    result: elementResult(agreedStage, stats, !overallShown && stats.answerCount > 0),
  };
}

