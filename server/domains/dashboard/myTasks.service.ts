import { listRoundsToAnswer } from "@/server/domains/assessments/responses.service";
import { reportTaskOf } from "@/server/domains/contributions/contributions.due";
import { listMyOpenActions } from "@/server/domains/actionItems/actionItems.service";
import { listMyOpenGaps } from "@/server/domains/gaps/gaps.service";
import { listMeetingsThisWeek } from "@/server/domains/meetings/meetings.service";
import { currentTime } from "@/server/lib/clock";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";

/**
 * What the signed-in person has to do in this task force, for the top of their dashboard: rounds
 * to answer, their organization's contributions report while it is not in, the actions and gaps
 * they hold, and the meetings of the coming week. Each domain decides what is the caller's; this
 * only gathers, so the dashboard needs one request for all of it.
 */
export async function getMyTasks(scope: TaskForceScope, now = currentTime()) {
  const [rounds, report, actions, gaps, meetings] = await Promise.all([
    listRoundsToAnswer(scope),
    reportTaskOf(scope, now),
    listMyOpenActions(scope, now),
    listMyOpenGaps(scope, now),
    listMeetingsThisWeek(scope, now),
  ]);
  return { today: todayOfScope(scope, now), timeZone: scope.timeZone, rounds, report, actions, gaps, meetings };
}
