import { getDb } from "@/server/lib/unitOfWork";
import { mayUpdateGap } from "@/server/auth/workRights";
import type { TaskForceScope } from "@/server/trpc/context";
import { elementResult } from "@/server/domains/assessments/consensus";
import { closedRoundMediansFor } from "@/server/domains/assessments/comparison.service";
import { findTarget, listAgreedStages, listRoundsWithContent } from "@/server/domains/assessments";
import { canTransition, roundReachingTarget } from "./gaps.rules";
import { countOverdueActionItems } from "@/server/domains/actionItems";
import { countGapsOpenedAndResolvedByMonth, countOpenGapsByArea, countOpenGapsByOwnerOrganization, countOverdueGaps } from "./gaps.queries";
import type { GapInput } from "./gaps.schemas";
import { currentTime } from "@/server/lib/clock";
import { frameworkElements } from "@/server/domains/frameworks";
import { loadGap, todayOf } from "./gaps.service";

/*
 * How gaps move: one gap against the rounds after it (did the element reach its target?), and the
 * task force's gaps over time, by area and by owner, for the gaps page and the dashboard.
 */

/**
 * The closed loop: the element's result in the round the gap came from and in every closed round
 * that closed after the gap was opened, oldest first, and whether one of the later rounds reached
 * the target (the gap's own, else the task force's target for the element).
 */
export async function getGapProgress(scope: TaskForceScope, input: GapInput) {
  const db = await getDb();
  const gap = await loadGap(db, scope, input.gapId);
  const [closedRounds, medians, elementTarget] = await Promise.all([
    listRoundsWithContent(db, [scope.taskForceId], { status: "closed", locale: scope.locale }),
    closedRoundMediansFor(db, scope),
    gap.targetStage === null ? findTarget(db, scope.taskForceId, gap.elementKey) : Promise.resolve(null),
  ]);
  const rounds = closedRounds.filter((round) => round.id === gap.sourceRoundId || (round.closedAt !== null && round.closedAt >= gap.createdAt));
  const agreed = rounds.length ? await listAgreedStages(db, [scope.taskForceId], rounds.map((round) => round.id)) : [];
  const medianOf = new Map(medians.filter((row) => row.elementKey === gap.elementKey).map((row) => [row.roundId, row]));
  const agreedOf = new Map(agreed.filter((row) => row.elementKey === gap.elementKey).map((row) => [row.roundId, row.stage]));
  const target = gap.targetStage ?? elementTarget?.stage ?? null;
  const points = rounds.map((round) => {
    const median = medianOf.get(round.id);
    const result = elementResult(agreedOf.get(round.id) ?? null, { median: median?.median ?? null }, median?.withheld ?? false);
    return {
      roundId: round.id,
      title: round.title,
      closesOn: round.closesOn,
      closedAt: round.closedAt,
      isSourceRound: round.id === gap.sourceRoundId,
      stage: result.stage,
      source: result.source,
      reachesTarget: target !== null && result.stage !== null && result.stage >= target,
    };
  });
  const reached = roundReachingTarget(points, target, gap.sourceRoundId);
  return {
    gap: { id: gap.id, elementKey: gap.elementKey, status: gap.status, version: gap.version, createdAt: gap.createdAt },
    target,
    rounds: points,
    reachedInRoundId: reached?.roundId ?? null,
    /** Offer "resolve" when a later round reached the target and the caller may resolve this open gap. */
    canResolve: reached !== null && canTransition(gap.status, "resolved") && mayUpdateGap(scope, gap),
  };
}

/** Chart data: one aggregated query per widget. */
export async function getGapStats(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const { today, timeZone } = todayOf(scope, now);
  const [openedVsResolved, byArea, byOrganization, overdueGaps, overdueActionItems, framework] = await Promise.all([
    countGapsOpenedAndResolvedByMonth(db, scope.taskForceId, timeZone),
    countOpenGapsByArea(db, scope.taskForceId),
    countOpenGapsByOwnerOrganization(db, scope.taskForceId),
    countOverdueGaps(db, scope.taskForceId, today),
    countOverdueActionItems(db, scope.taskForceId, today),
    frameworkElements(db, scope.taskForceId, scope.locale),
  ]);
  return {
    today,
    openedVsResolved,
    openByArea: byArea.map((row) => ({ ...row, areaName: framework.areas.get(row.areaKey) ?? null })),
    openByOwnerOrganization: byOrganization,
    overdue: { gaps: overdueGaps, actionItems: overdueActionItems },
  };
}
