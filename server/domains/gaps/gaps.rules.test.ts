import { describe, expect, it } from "vitest";
import { canTransition, GAP_TRANSITIONS, manyDontKnow, needsReason, roundReachingTarget, suggestGaps, type ConsensusElement, type GapStatus } from "./gaps.rules";

const STATUSES: GapStatus[] = ["open", "in_progress", "blocked", "resolved", "wont_fix"];

describe("gap status transitions", () => {
  it.each([
    ["open", "in_progress"],
    ["open", "blocked"],
    ["open", "resolved"],
    ["open", "wont_fix"],
    ["in_progress", "blocked"],
    ["in_progress", "resolved"],
    ["blocked", "in_progress"],
    ["blocked", "open"],
    ["resolved", "open"],
    ["wont_fix", "open"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ["resolved", "in_progress"],
    ["resolved", "blocked"],
    ["resolved", "wont_fix"],
    ["wont_fix", "resolved"],
    ["wont_fix", "in_progress"],
  ] as const)("refuses %s → %s (a closed gap is reopened first)", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it("never allows staying in the same status", () => {
    for (const status of STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it("lists every status", () => {
    expect(Object.keys(GAP_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  it("asks for a reason only for blocked and won't fix", () => {
    expect(STATUSES.filter(needsReason)).toEqual(["blocked", "wont_fix"]);
  });
});

describe("suggested gaps", () => {
  const element = (overrides: Partial<ConsensusElement>): ConsensusElement => ({
    key: "A.mou",
    areaKey: "A",
    name: "MOUs",
    resultStage: 3,
    targetStage: 3,
    answerCount: 6,
    dontKnowCount: 0,
    disagreement: false,
    ...overrides,
  });

  it("suggests elements below target with a priority by distance", () => {
    const suggestions = suggestGaps(
      [element({ key: "A.a", resultStage: 1, targetStage: 4 }), element({ key: "A.b", resultStage: 2.5, targetStage: 3 }), element({ key: "A.c" })],
      new Set(),
    );
    expect(suggestions).toEqual([
      expect.objectContaining({ elementKey: "A.a", reasons: ["belowTarget"], currentStage: 1, targetStage: 4, priority: "high" }),
      expect.objectContaining({ elementKey: "A.b", reasons: ["belowTarget"], currentStage: 2, targetStage: 3, priority: "medium" }),
    ]);
  });

  it("suggests disagreement and many don't-know (a third or more) as low priority", () => {
    const suggestions = suggestGaps(
      [
        element({ key: "B.x", disagreement: true, targetStage: null }),
        element({ key: "B.y", dontKnowCount: 2, answerCount: 6 }),
        element({ key: "B.z", dontKnowCount: 1, answerCount: 4 }),
      ],
      new Set(),
    );
    expect(suggestions.map((s) => [s.elementKey, s.reasons, s.priority])).toEqual([
      ["B.x", ["disagreement"], "low"],
      ["B.y", ["manyDontKnow"], "low"],
    ]);
  });

  it("leaves out elements that already have an open gap, and elements nobody rated below target", () => {
    const suggestions = suggestGaps(
      [element({ key: "A.a", resultStage: 1 }), element({ key: "A.b", resultStage: null, answerCount: 0 })],
      new Set(["A.a"]),
    );
    expect(suggestions).toEqual([]);
  });

  it("counts many don't-know only when someone answered", () => {
    expect(manyDontKnow(0, 0)).toBe(false);
    expect(manyDontKnow(3, 1)).toBe(true);
    expect(manyDontKnow(4, 1)).toBe(false);
  });
});

describe("closed loop", () => {
  it("finds the first later round reaching the target, never the source round", () => {
    const points = [
      { roundId: "r1", stage: 4 },
      { roundId: "r2", stage: 2.5 },
      { roundId: "r3", stage: 3 },
      { roundId: "r4", stage: 4 },
    ];
    expect(roundReachingTarget(points, 3, "r1")).toEqual({ roundId: "r3", stage: 3 });
    expect(roundReachingTarget(points, 5, "r1")).toBeNull();
    expect(roundReachingTarget(points, null, "r1")).toBeNull();
    expect(roundReachingTarget([{ roundId: "r2", stage: null }], 1, null)).toBeNull();
  });
});
