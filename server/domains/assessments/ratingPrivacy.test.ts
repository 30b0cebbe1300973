import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareElement, elementResult, elementStats, statsByDiscipline, type Rating, type RespondentRating } from "./consensus";
import { elementView, mayShowCounts, mayShowGroup, medianOfCounts, shownGroupKeys } from "./ratingPrivacy";

/*
 * The attacker. Someone who is not a coordinator sees the published view of an element; they know
 * who answered, everyone's discipline and (as a member) their own answer, and they know the rules
 * the server applies — including that a hidden group says something about its answers. They try
 * every assignment of answers to the other people, keep those that would have produced exactly the
 * view they see, and look for a colleague whose answer is the same in all of them: that rating is
 * recovered. The search is exhaustive, so "no leak" below is a proof for the group shapes tried.
 */

type Answer = Pick<Rating, "answer" | "stage">;
const ALL_ANSWERS: Answer[] = [
  ...[1, 2, 3, 4, 5].map((stage): Answer => ({ answer: "stage", stage })),
  { answer: "dont_know", stage: null },
  { answer: "not_applicable", stage: null },
];
const answerText = (answer: Answer) => (answer.answer === "stage" ? `stage ${answer.stage}` : answer.answer);

/** Every assignment of `domain` answers to `size` people, as index arrays. */
function* assignments(size: number, domainSize: number): Generator<number[]> {
  const current = new Array<number>(size).fill(0);
  for (;;) {
    yield [...current];
    let position = size - 1;
    while (position >= 0 && current[position] === domainSize - 1) current[position--] = 0;
    if (position < 0) return;
    current[position] = (current[position] as number) + 1;
  }
}

interface Leak {
  attacker: number | "outsider";
  /** The attacker's own answer (members). */
  own: string | null;
  colleague: number;
  answer: string;
  view: string;
}

/**
 * Every leak of `publish` over all truths: groups assignments by the view they publish, then in
 * each class, for each possible attacker and own answer, looks for a colleague with one answer only.
 */
function findLeaks(size: number, domain: readonly Answer[], publish: (answers: Answer[]) => string, limit = 5): Leak[] {
  const classes = new Map<string, number[][]>();
  for (const assignment of assignments(size, domain.length)) {
    const view = publish(assignment.map((index) => domain[index] as Answer));
    const members = classes.get(view);
    if (members) members.push(assignment);
    else classes.set(view, [assignment]);
  }
  const leaks: Leak[] = [];
  const determined = (candidates: number[][], colleague: number) => {
    const first = candidates[0]?.[colleague];
    return candidates.every((candidate) => candidate[colleague] === first) ? first : undefined;
  };
  for (const [view, members] of classes) {
    for (let colleague = 0; colleague < size; colleague++) {
      const answer = determined(members, colleague);
      if (answer !== undefined) leaks.push({ attacker: "outsider", own: null, colleague, answer: answerText(domain[answer] as Answer), view });
    }
    for (let attacker = 0; attacker < size; attacker++) {
      for (let own = 0; own < domain.length; own++) {
        const candidates = members.filter((member) => member[attacker] === own);
        if (candidates.length === 0) continue;
        for (let colleague = 0; colleague < size; colleague++) {
          if (colleague === attacker) continue;
          const answer = determined(candidates, colleague);
          if (answer !== undefined) {
            leaks.push({ attacker, own: answerText(domain[own] as Answer), colleague, answer: answerText(domain[answer] as Answer), view });
          }
        }
      }
    }
    if (leaks.length >= limit) break;
  }
  return leaks;
}

/** People with disciplines from group sizes, e.g. [1, 2] → one prosecutor, two shelter staff. */
const DISCIPLINES = ["prosecution", "victimServices", "lawEnforcementLocalState", "health"];
const peopleOf = (groupSizes: readonly number[]) => groupSizes.flatMap((count, group) => Array.from({ length: count }, () => DISCIPLINES[group] as string));

/** What a member, viewer or funder is sent about one element of one round (the consensus view). */
const consensusView = (disciplines: readonly string[], minGroup: number) => (answers: Answer[]) => {
  const ratings = answers.map((answer, index) => ({ ...answer, discipline: disciplines[index] ?? null }));
  return JSON.stringify(elementView(ratings, null, minGroup));
};

/** The view before this change: every overall statistic, discipline groups of two or more. */
const oldConsensusView = (disciplines: readonly string[]) => (answers: Answer[]) => {
  const ratings = answers.map((answer, index) => ({ ...answer, discipline: disciplines[index] ?? null }));
  const stats = elementStats(ratings);
  const split = statsByDiscipline(ratings).map((group) => (group.stats.answerCount >= 2 ? group : { discipline: group.discipline, stats: null }));
  return JSON.stringify({ stats, split, result: elementResult(null, stats) });
};

const stage = (value: number, discipline: string | null = null): Rating => ({ answer: "stage", stage: value, discipline });
const dontKnow = (discipline: string | null = null): Rating => ({ answer: "dont_know", stage: null, discipline });

describe("the attacker finds the leaks of the old rule (so it can find leaks)", () => {
  it("recovers the lone prosecutor's rating as overall minus the shelter group of two", () => {
    // Prosecutor (0) alone, two shelter staff (1, 2): the first example.
    const leaks = findLeaks(3, ALL_ANSWERS, oldConsensusView(peopleOf([1, 2])), 1000);
    expect(leaks.some((leak) => leak.attacker === "outsider" && leak.colleague === 0)).toBe(true);
  });

  it("recovers a shelter colleague's rating as the group of two minus one's own", () => {
    const leaks = findLeaks(3, ALL_ANSWERS, oldConsensusView(peopleOf([1, 2])), 1000);
    expect(leaks).toContainEqual(expect.objectContaining({ attacker: 1, colleague: 2 }));
  });

  it("recovers both colleagues' ratings in a unanimous group of three (size alone is not enough)", () => {
    const sizeOnly = (answers: Answer[]) => {
      const stats = elementStats(answers);
      return JSON.stringify(stats.answerCount >= 3 ? stats : null);
    };
    const leaks = findLeaks(3, ALL_ANSWERS, sizeOnly, 1000);
    // {3, 3, 3}: each of them learns the others said 3; {1, 5, 5}: the one who said 1 learns both said 5.
    expect(leaks).toContainEqual(expect.objectContaining({ attacker: 0, own: "stage 3", colleague: 1, answer: "stage 3" }));
    expect(leaks).toContainEqual(expect.objectContaining({ attacker: 0, own: "stage 1", colleague: 1, answer: "stage 5" }));
    // An outsider learns everyone's rating from a unanimous distribution.
    expect(leaks).toContainEqual(expect.objectContaining({ attacker: "outsider", colleague: 2 }));
  });

  it("recovers a colleague from min, max and median of three minus one's own, even without the distribution", () => {
    const summary = (answers: Answer[]) => {
      const stats = elementStats(answers);
      return JSON.stringify(stats.answerCount >= 3 ? { min: stats.min, max: stats.max, median: stats.median, n: stats.stageCount } : null);
    };
    // Own 1, median 5: the other two both said 5.
    expect(findLeaks(3, ALL_ANSWERS, summary, 1000)).toContainEqual(expect.objectContaining({ attacker: 0, own: "stage 1", answer: "stage 5" }));
  });
});

describe("the rule: no member, viewer or funder recovers a colleague's rating from an element's view", () => {
  // Every partition into disciplines of up to five people (six for a few), every truth, every attacker.
  const shapes: number[][] = [[3], [4], [5], [1, 2], [1, 3], [2, 2], [1, 1, 1], [1, 4], [2, 3], [1, 1, 3], [1, 2, 2], [1, 1, 1, 2], [3, 3], [1, 2, 3]];
  it.each(shapes.map((shape) => [shape.join("+"), shape] as const))("discipline groups of %s, minimum group 3", (_name, shape) => {
    const size = shape.reduce((sum, count) => sum + count, 0);
    // Six people over seven answers is 117,649 truths; there the stages and "don't know" suffice (a smaller domain only helps the attacker).
    const domain = size <= 5 ? ALL_ANSWERS : ALL_ANSWERS.slice(0, 4);
    expect(findLeaks(size, domain, consensusView(peopleOf(shape), 3))).toEqual([]);
  }, 120_000);

  it("holds with a larger minimum group (4) too", () => {
    expect(findLeaks(5, ALL_ANSWERS, consensusView(peopleOf([1, 4]), 4))).toEqual([]);
    expect(findLeaks(5, ALL_ANSWERS, consensusView(peopleOf([2, 3]), 4))).toEqual([]);
  }, 120_000);
});

describe("the rule: comparing the same respondents across two rounds", () => {
  /*
   * Round A: six people (three disciplines of two); round B: the first three of them again.
   * Everything about the element a member sees: both rounds' consensus views, and the comparison
   * with and without "same respondents only". Nine answers, each a stage 1–3 (a smaller domain
   * only helps the attacker).
   */
  const disciplinesA = peopleOf([2, 2, 2]);
  const domain = ALL_ANSWERS.slice(0, 3);
  const publish = (minGroup: number | null) => (answers: Answer[]) => {
    const ratingsA: RespondentRating[] = answers.slice(0, 6).map((answer, index) => ({ ...answer, respondentId: `p${index}`, discipline: disciplinesA[index] ?? null }));
    const ratingsB: RespondentRating[] = answers.slice(6).map((answer, index) => ({ ...answer, respondentId: `p${index}`, discipline: disciplinesA[index] ?? null }));
    return JSON.stringify([
      elementView(ratingsA, null, minGroup ?? 3),
      elementView(ratingsB, null, minGroup ?? 3),
      compareElement({ ratingsA, ratingsB, sameRespondentsOnly: false, minGroup }),
      compareElement({ ratingsA, ratingsB, sameRespondentsOnly: true, minGroup }),
    ]);
  };

  it("finds a leak when the same-respondent medians are shown without rule 4", () => {
    // Round A's distribution minus the median of the three who stayed narrows the three who left.
    const leaks = findLeaks(9, domain, publish(null), 1);
    expect(leaks.length).toBeGreaterThan(0);
  }, 60_000);

  it("finds none with the rule", () => {
    expect(findLeaks(9, domain, publish(3))).toEqual([]);
  }, 60_000);
});

describe("group rules", () => {
  it("shows a group only from three answers, two of them not the most common", () => {
    expect(mayShowGroup([stage(1), stage(2)], 3)).toBe(false);
    expect(mayShowGroup([stage(1), stage(2), stage(3)], 3)).toBe(true);
    expect(mayShowGroup([stage(1), stage(3), stage(3)], 3)).toBe(false);
    expect(mayShowGroup([stage(3), stage(3), stage(3), stage(3)], 3)).toBe(false);
    expect(mayShowGroup([stage(3), stage(3), stage(2), dontKnow()], 3)).toBe(true);
    expect(mayShowGroup([stage(1), stage(2), stage(3)], 4)).toBe(false);
  });

  it("never goes below three, whatever the setting says", () => {
    expect(mayShowGroup([stage(1), stage(2)], 1)).toBe(false);
    expect(mayShowCounts({ stages: [1, 1, 0, 0, 0], dontKnow: 0, notApplicable: 0 }, 0)).toBe(false);
  });

  it("hides a shown group when the rest would be one or two people (complementary suppression)", () => {
    const prosecutor = [stage(1, "prosecution")];
    const shelter = [stage(2, "victimServices"), stage(3, "victimServices"), stage(4, "victimServices")];
    const police = [stage(5, "police"), stage(1, "police"), stage(2, "police"), stage(4, "police")];
    const overall = [...prosecutor, ...shelter, ...police];
    const groups = [
      { key: "prosecution", ratings: prosecutor },
      { key: "victimServices", ratings: shelter },
      { key: "police", ratings: police },
    ];
    // Shelter and police pass alone; the prosecutor does not, and alone would be overall − the two: the smaller (shelter) goes.
    expect([...shownGroupKeys(overall, groups, 3)]).toEqual(["police"]);
  });

  it("medians from counts match the ratings' median", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }), (stages) => {
        const counts = [1, 2, 3, 4, 5].map((value) => stages.filter((stageValue) => stageValue === value).length);
        expect(medianOfCounts({ stages: counts, dontKnow: 0, notApplicable: 0 })).toBe(elementStats(stages.map((value) => stage(value))).median);
      }),
    );
  });
});
