/*
 * Rules of gaps as pure functions (no database), so that every status change, suggestion and
 * "target reached" is decided in one tested place ("overdue" is server/lib/due.ts, shared with actions).
 */

export type GapStatus = "open" | "in_progress" | "blocked" | "resolved" | "wont_fix";
export type GapPriority = "high" | "medium" | "low";

/** Statuses in which a gap is still being worked on (counted as open in lists, charts and reminders). */
export const OPEN_GAP_STATUSES = ["open", "in_progress", "blocked"] as const satisfies readonly GapStatus[];

/** Statuses that need a reason: someone reading the gap later must learn why. */
export const STATUSES_NEEDING_REASON = ["blocked", "wont_fix"] as const satisfies readonly GapStatus[];

/**
 * Which status may follow which. Work moves between open, in progress and blocked; resolving or
 * giving up is possible from any of them; a closed gap can only be reopened (to open), never
 * jump from "won't fix" to "resolved" or from "resolved" back into work without a reopen.
 */
export const GAP_TRANSITIONS: Readonly<Record<GapStatus, readonly GapStatus[]>> = {
  open: ["in_progress", "blocked", "resolved", "wont_fix"],
  in_progress: ["open", "blocked", "resolved", "wont_fix"],
  blocked: ["open", "in_progress", "resolved", "wont_fix"],
  resolved: ["open"],
  wont_fix: ["open"],
};

export function canTransition(from: GapStatus, to: GapStatus): boolean {
  return GAP_TRANSITIONS[from].includes(to);
}

export function isOpenGapStatus(status: GapStatus): boolean {
  return (OPEN_GAP_STATUSES as readonly GapStatus[]).includes(status);
}

export function needsReason(status: GapStatus): boolean {
  return (STATUSES_NEEDING_REASON as readonly GapStatus[]).includes(status);
}

/* ---------- suggestions from a round's consensus ---------- */

export type SuggestionReason = "belowTarget" | "disagreement" | "manyDontKnow";

export interface ConsensusElement {
  key: string;
  areaKey: string;
  name: string;
  /** The round's result (agreed stage, else median, possibly a half stage); null when nobody rated a stage. */
  resultStage: number | null;
  targetStage: number | null;
  answerCount: number;
  dontKnowCount: number;
  disagreement: boolean;
}

export interface GapSuggestion {
  elementKey: string;
  areaKey: string;
  name: string;
  reasons: SuggestionReason[];
  /** Whole stage for the gap's current stage: a half stage (2.5) has not reached 3 yet. */
  currentStage: number | null;
  targetStage: number | null;
  priority: GapPriority;
}

/** "Many" don't-know answers: at least a third of everyone who answered the element. */
export function manyDontKnow(answerCount: number, dontKnowCount: number): boolean {
  return answerCount > 0 && dontKnowCount * 3 >= answerCount;
}

/**
 * Elements worth a gap: below their target, rated with a disagreement, or unknown to many. An
 * element that already has an open gap is left out. Two or more stages below target is high
 * priority, below target medium, the rest (discussion items) low.
 */
export function suggestGaps(elements: readonly ConsensusElement[], elementsWithOpenGap: ReadonlySet<string>): GapSuggestion[] {
  const suggestions: GapSuggestion[] = [];
  for (const element of elements) {
    if (elementsWithOpenGap.has(element.key)) continue;
    const reasons: SuggestionReason[] = [];
    const below = element.targetStage !== null && element.resultStage !== null && element.resultStage < element.targetStage;
    if (below) reasons.push("belowTarget");
    if (element.disagreement) reasons.push("disagreement");
    if (manyDontKnow(element.answerCount, element.dontKnowCount)) reasons.push("manyDontKnow");
    if (reasons.length === 0) continue;
    const distance = below ? (element.targetStage as number) - (element.resultStage as number) : 0;
    suggestions.push({
      elementKey: element.key,
      areaKey: element.areaKey,
      name: element.name,
      reasons,
      currentStage: element.resultStage === null ? null : Math.floor(element.resultStage),
      targetStage: element.targetStage,
      priority: distance >= 2 ? "high" : below ? "medium" : "low",
    });
  }
  return suggestions;
}

/* ---------- closed loop ---------- */

export interface RoundPoint {
  roundId: string;
  /** The element's result in that round; null when nobody rated a stage. */
  stage: number | null;
}

/**
 * The first round after the one the gap came from in which the element reached `target`, or null.
 * Points are in round order; the source round itself never counts (it is why the gap exists).
 */
export function roundReachingTarget(points: readonly RoundPoint[], target: number | null, sourceRoundId: string | null): RoundPoint | null {
  if (target === null) return null;
  return points.find((point) => point.roundId !== sourceRoundId && point.stage !== null && point.stage >= target) ?? null;
}
