/*
 * Consensus, spread, disagreement and movement of roadmap ratings: pure functions, no database,
 * so that every number a chart or table shows is computed in one tested place.
 *
 * Definitions (also what the UI should say in its help text):
 * - Only ratings with answer "stage" (1–5) enter the median, spread and distribution; "don't know"
 *   and "not applicable" are counted separately and never treated as a stage.
 * - Median: the middle stage; for an even number of ratings the mean of the two middle stages, so
 *   it can be a half stage (2 and 3 → 2.5).
 * - Quartiles by linear interpolation between order statistics (Hyndman–Fan type 7, the method of
 *   PostgreSQL's percentile_cont, Excel's QUARTILE.INC and numpy's default): the p-quantile of the
 *   sorted ratings x₀…xₙ₋₁ is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) with h = (n − 1)p. The median is
 *   the same formula at p = 0.5. Interquartile range = Q3 − Q1.
 * - Disagreement: the highest and lowest stage rated differ by 2 or more.
 * - A round's result for an element is the agreed stage when the task force recorded one, else the
 *   median, marked as such.
 */

import { mayShowGroup, mayShowSubgroup } from "./ratingPrivacy";

export const STAGES = [1, 2, 3, 4, 5] as const;
export type Stage = (typeof STAGES)[number];

export type Answer = "stage" | "dont_know" | "not_applicable";

/** Ratings differing by at least this many stages are flagged for discussion. */
export const DISAGREEMENT_SPREAD = 2;

export interface Rating {
  answer: Answer;
  /** 1–5 when answer is "stage", otherwise null. */
  stage: number | null;
  /** Discipline of the respondent's organization when they answered; null when they had none. */
  discipline?: string | null;
}

export interface ElementStats {
  /** Everyone who answered the element, including don't know and not applicable. */
  answerCount: number;
  /** Ratings that are a stage. */
  stageCount: number;
  dontKnowCount: number;
  notApplicableCount: number;
  median: number | null;
  min: number | null;
  max: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  disagreement: boolean;
  /** How many rated each stage 1–5, always five entries in stage order. */
  distribution: { stage: Stage; count: number }[];
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending numbers by linear interpolation (type 7); null when empty. */
export function quantile(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const low = sortedAscending[lower] as number;
  const high = sortedAscending[upper] as number;
  return low + (h - lower) * (high - low);
}

const isStage = (value: number | null): value is number => value !== null && Number.isInteger(value) && value >= 1 && value <= 5;

/** The stages among ratings, ascending. A rating whose answer is not "stage" never counts as one. */
function stagesOf(ratings: readonly Rating[]): number[] {
  return ratings
    .filter((rating) => rating.answer === "stage" && isStage(rating.stage))
    .map((rating) => rating.stage as number)
    .sort((a, b) => a - b);
}

export function elementStats(ratings: readonly Rating[]): ElementStats {
  const stages = stagesOf(ratings);
  const min = stages.length ? (stages[0] as number) : null;
  const max = stages.length ? (stages[stages.length - 1] as number) : null;
  const q1 = quantile(stages, 0.25);
  const q3 = quantile(stages, 0.75);
  return {
    answerCount: ratings.length,
    stageCount: stages.length,
    dontKnowCount: ratings.filter((rating) => rating.answer === "dont_know").length,
    notApplicableCount: ratings.filter((rating) => rating.answer === "not_applicable").length,
    median: quantile(stages, 0.5),
    min,
    max,
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
    disagreement: min !== null && max !== null && max - min >= DISAGREEMENT_SPREAD,
    distribution: STAGES.map((stage) => ({ stage, count: stages.filter((value) => value === stage).length })),
  };
}

export interface DisciplineStats {
  /** The discipline key, or null for respondents whose organization had none (e.g. a coordinator). */
  discipline: string | null;
  stats: ElementStats;
}

/** The same statistics per discipline, in key order with "no discipline" last. */
export function statsByDiscipline(ratings: readonly Rating[]): DisciplineStats[] {
  const groups = new Map<string | null, Rating[]>();
  for (const rating of ratings) {
    const key = rating.discipline ?? null;
    const group = groups.get(key);
    if (group) group.push(rating);
    else groups.set(key, [rating]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([discipline, group]) => ({ discipline, stats: elementStats(group) }));
}

/**
 * "withheld": people answered, but their ratings form a group too small or too uniform to show to
 * someone who may not read individual ratings (see ratingPrivacy.ts), and no stage was agreed.
 */
export type ResultSource = "agreed" | "median" | "none" | "withheld";

export interface ElementResult {
  /** The agreed stage, else the median (possibly a half stage), else null when nobody rated a stage. */
  stage: number | null;
  source: ResultSource;
}

/** A round's result for one element: the agreed stage when recorded, else the median (fallback). */
export function elementResult(agreedStage: number | null | undefined, stats: Pick<ElementStats, "median">, withheld = false): ElementResult {
  if (agreedStage !== null && agreedStage !== undefined) return { stage: agreedStage, source: "agreed" };
  if (withheld) return { stage: null, source: "withheld" };
  if (stats.median !== null) return { stage: stats.median, source: "median" };
  return { stage: null, source: "none" };
}

export type Movement = "up" | "down" | "unchanged" | "notComparable";

/** How an element moved from an earlier result to a later one; without both there is nothing to compare. */
export function movement(earlier: number | null, later: number | null): Movement {
  if (earlier === null || later === null) return "notComparable";
  if (later > earlier) return "up";
  if (later < earlier) return "down";
  return "unchanged";
}

/** One respondent's rating of one element, for comparisons that follow the same people. */
export interface RespondentRating extends Rating {
  respondentId: string;
}

export interface ElementComparison {
  a: ElementResult;
  b: ElementResult;
  movement: Movement;
  /** Respondents whose stage ratings were used in A and in B (equal when sameRespondentsOnly). */
  respondentsA: number;
  respondentsB: number;
}

/**
 * Compares one element between round A (earlier) and round B (later).
 *
 * Normally each side is that round's result: agreed stage, else median of everyone. With
 * `sameRespondentsOnly` only people who rated the element as a stage in both rounds are counted,
 * and both sides are their medians: agreed stages are left out then, because they were agreed by
 * everyone present, so newcomers cannot be read as progress.
 */
export function compareElement(input: {
  ratingsA: readonly RespondentRating[];
  ratingsB: readonly RespondentRating[];
  agreedA?: number | null;
  agreedB?: number | null;
  sameRespondentsOnly: boolean;
  /**
   * For someone who may not read individual ratings: a median is withheld unless its group may be
   * shown (ratingPrivacy.ts rules 1, 2 and, for the same respondents only, 4). Null: show all.
   */
  minGroup?: number | null;
}): ElementComparison {
  let ratingsA = input.ratingsA;
  let ratingsB = input.ratingsB;
  if (input.sameRespondentsOnly) {
    const ratedA = new Set(stageRespondents(ratingsA));
    const both = new Set(stageRespondents(ratingsB).filter((id) => ratedA.has(id)));
    ratingsA = ratingsA.filter((rating) => both.has(rating.respondentId));
    ratingsB = ratingsB.filter((rating) => both.has(rating.respondentId));
  }
  const statsA = elementStats(ratingsA);
  const statsB = elementStats(ratingsB);
  const minGroup = input.minGroup ?? null;
  const withheld = (all: readonly RespondentRating[], used: readonly RespondentRating[]) =>
    minGroup !== null && (input.sameRespondentsOnly ? !mayShowSubgroup(all, used, minGroup) : !mayShowGroup(all, minGroup));
  const a = elementResult(input.sameRespondentsOnly ? null : input.agreedA, statsA, withheld(input.ratingsA, ratingsA));
  const b = elementResult(input.sameRespondentsOnly ? null : input.agreedB, statsB, withheld(input.ratingsB, ratingsB));
  return { a, b, movement: movement(a.stage, b.stage), respondentsA: statsA.stageCount, respondentsB: statsB.stageCount };
}

function stageRespondents(ratings: readonly RespondentRating[]): string[] {
  return ratings.filter((rating) => rating.answer === "stage" && isStage(rating.stage)).map((rating) => rating.respondentId);
}

/** Mean of the element results that exist (an area's level in a trend); null when none does. */
export function meanOfResults(results: readonly (number | null)[]): number | null {
  const present = results.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  return present.reduce((sum, value) => sum + value, 0) / present.length;
}
