import { describe, expect, it } from "vitest";
import {
  compareElement,
  elementResult,
  elementStats,
  meanOfResults,
  movement,
  quantile,
  statsByDiscipline,
  type Rating,
  type RespondentRating,
} from "./consensus";

const stage = (value: number, discipline: string | null = null): Rating => ({ answer: "stage", stage: value, discipline });
const dontKnow = (discipline: string | null = null): Rating => ({ answer: "dont_know", stage: null, discipline });
const notApplicable = (discipline: string | null = null): Rating => ({ answer: "not_applicable", stage: null, discipline });
const counts = (stats: ReturnType<typeof elementStats>) => stats.distribution.map((entry) => entry.count);

describe("quantile (linear interpolation, type 7)", () => {
  it("is null for no values", () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  it("interpolates between order statistics", () => {
    // h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1)
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });

  it("lands exactly on a value when h is whole", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5], 0.75)).toBe(4);
  });
});

describe("elementStats", () => {
  it("has no median, spread or disagreement without responses", () => {
    const stats = elementStats([]);
    expect(stats).toMatchObject({
      answerCount: 0,
      stageCount: 0,
      dontKnowCount: 0,
      notApplicableCount: 0,
      median: null,
      min: null,
      max: null,
      q1: null,
      q3: null,
      iqr: null,
      disagreement: false,
    });
    expect(counts(stats)).toEqual([0, 0, 0, 0, 0]);
    expect(stats.distribution.map((entry) => entry.stage)).toEqual([1, 2, 3, 4, 5]);
  });

  it("counts don't know and not applicable but never as stages", () => {
    const stats = elementStats([dontKnow(), dontKnow(), notApplicable()]);
    expect(stats).toMatchObject({ answerCount: 3, stageCount: 0, dontKnowCount: 2, notApplicableCount: 1, median: null, disagreement: false });
    expect(counts(stats)).toEqual([0, 0, 0, 0, 0]);
  });

  it("ignores a stale stage on a rating that is not a stage answer", () => {
    const stats = elementStats([{ answer: "dont_know", stage: 5 }, stage(2)]);
    expect(stats).toMatchObject({ stageCount: 1, median: 2, max: 2, dontKnowCount: 1 });
  });

  it("takes a single respondent's stage as median with no spread", () => {
    const stats = elementStats([stage(3)]);
    expect(stats).toMatchObject({ stageCount: 1, median: 3, min: 3, max: 3, q1: 3, q3: 3, iqr: 0, disagreement: false });
    expect(counts(stats)).toEqual([0, 0, 1, 0, 0]);
  });

  it("uses the middle value for an odd count", () => {
    expect(elementStats([stage(4), stage(1), stage(2)]).median).toBe(2);
  });

  it("uses the mean of the two middle values for an even count (a half stage)", () => {
    const stats = elementStats([stage(3), stage(2), stage(4), stage(1)]);
    expect(stats).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25, iqr: 1.5, min: 1, max: 4 });
    expect(elementStats([stage(2), stage(3)]).median).toBe(2.5);
  });

  it("handles ties", () => {
    const stats = elementStats([stage(2), stage(2), stage(4), stage(4)]);
    expect(stats).toMatchObject({ median: 3, q1: 2, q3: 4, iqr: 2, disagreement: true });
    expect(counts(stats)).toEqual([0, 2, 0, 2, 0]);
    expect(elementStats([stage(3), stage(3), stage(3)])).toMatchObject({ median: 3, iqr: 0, disagreement: false });
  });

  it("flags disagreement from a spread of two stages, not one", () => {
    expect(elementStats([stage(2), stage(3), stage(3)]).disagreement).toBe(false);
    expect(elementStats([stage(2), stage(3), stage(4)]).disagreement).toBe(true);
    expect(elementStats([stage(1), stage(5)]).disagreement).toBe(true);
  });

  it("keeps stage statistics apart from the other answers", () => {
    const stats = elementStats([stage(1), stage(2), dontKnow(), notApplicable(), stage(5)]);
    expect(stats).toMatchObject({ answerCount: 5, stageCount: 3, dontKnowCount: 1, notApplicableCount: 1, median: 2, min: 1, max: 5, q1: 1.5, q3: 3.5, iqr: 2 });
    expect(counts(stats)).toEqual([1, 1, 0, 0, 1]);
  });
});

describe("statsByDiscipline", () => {
  it("splits by discipline in key order with no discipline last", () => {
    const split = statsByDiscipline([
      stage(4, "victimServices"),
      stage(2, "lawEnforcementLocalState"),
      stage(3, null),
      stage(2, "victimServices"),
      dontKnow("lawEnforcementLocalState"),
      stage(1, "lawEnforcementLocalState"),
    ]);
    expect(split.map((group) => group.discipline)).toEqual(["lawEnforcementLocalState", "victimServices", null]);
    expect(split[0]?.stats).toMatchObject({ answerCount: 3, stageCount: 2, median: 1.5, dontKnowCount: 1, disagreement: false });
    expect(split[1]?.stats).toMatchObject({ stageCount: 2, median: 3, min: 2, max: 4, disagreement: true });
    expect(split[2]?.stats).toMatchObject({ stageCount: 1, median: 3 });
  });

  it("is empty without ratings", () => {
    expect(statsByDiscipline([])).toEqual([]);
  });
});

describe("elementResult", () => {
  it("prefers the agreed stage over the median", () => {
    expect(elementResult(4, { median: 2.5 })).toEqual({ stage: 4, source: "agreed" });
  });

  it("falls back to the median, marked as such", () => {
    expect(elementResult(null, { median: 2.5 })).toEqual({ stage: 2.5, source: "median" });
    expect(elementResult(undefined, { median: 3 })).toEqual({ stage: 3, source: "median" });
  });

  it("has no result when nobody rated a stage and nothing was agreed", () => {
    expect(elementResult(null, elementStats([dontKnow()]))).toEqual({ stage: null, source: "none" });
  });
});

describe("movement", () => {
  it("compares two results", () => {
    expect(movement(2, 3)).toBe("up");
    expect(movement(3, 2.5)).toBe("down");
    expect(movement(2.5, 2.5)).toBe("unchanged");
    expect(movement(null, 3)).toBe("notComparable");
    expect(movement(3, null)).toBe("notComparable");
  });
});

describe("compareElement", () => {
  const by = (respondentId: string, value: number | "dk"): RespondentRating =>
    value === "dk" ? { respondentId, answer: "dont_know", stage: null } : { respondentId, answer: "stage", stage: value };

  it("compares the agreed stage or median of everyone by default", () => {
    const result = compareElement({
      ratingsA: [by("ann", 2), by("bo", 2)],
      ratingsB: [by("ann", 2), by("bo", 2), by("newcomer", 5), by("newcomer2", 5)],
      sameRespondentsOnly: false,
    });
    expect(result).toMatchObject({ a: { stage: 2, source: "median" }, b: { stage: 3.5, source: "median" }, movement: "up", respondentsA: 2, respondentsB: 4 });
  });

  it("uses agreed stages when recorded", () => {
    const result = compareElement({ ratingsA: [by("ann", 2)], ratingsB: [by("ann", 2)], agreedA: 3, sameRespondentsOnly: false });
    expect(result).toMatchObject({ a: { stage: 3, source: "agreed" }, b: { stage: 2, source: "median" }, movement: "down" });
  });

  it("with same respondents only, newcomers are not read as progress", () => {
    const result = compareElement({
      ratingsA: [by("ann", 2), by("bo", 2), by("left", 1)],
      ratingsB: [by("ann", 2), by("bo", 2), by("newcomer", 5), by("newcomer2", 5)],
      agreedA: 1,
      agreedB: 4,
      sameRespondentsOnly: true,
    });
    expect(result).toMatchObject({ a: { stage: 2, source: "median" }, b: { stage: 2, source: "median" }, movement: "unchanged", respondentsA: 2, respondentsB: 2 });
  });

  it("with same respondents only, leaves out someone who said don't know in one round", () => {
    const result = compareElement({
      ratingsA: [by("ann", 1), by("bo", "dk")],
      ratingsB: [by("ann", 2), by("bo", 5)],
      sameRespondentsOnly: true,
    });
    expect(result).toMatchObject({ a: { stage: 1 }, b: { stage: 2 }, movement: "up", respondentsA: 1, respondentsB: 1 });
  });

  it("is not comparable when nobody rated the element in both rounds", () => {
    const result = compareElement({ ratingsA: [by("ann", 3)], ratingsB: [by("bo", 4)], sameRespondentsOnly: true });
    expect(result).toMatchObject({ a: { stage: null, source: "none" }, b: { stage: null, source: "none" }, movement: "notComparable" });
    expect(compareElement({ ratingsA: [], ratingsB: [by("bo", 4)], sameRespondentsOnly: false }).movement).toBe("notComparable");
  });
});

describe("meanOfResults", () => {
  it("averages the results that exist", () => {
    expect(meanOfResults([2, 3, null, 2.5])).toBe(2.5);
    expect(meanOfResults([null, null])).toBeNull();
    expect(meanOfResults([])).toBeNull();
  });
});
