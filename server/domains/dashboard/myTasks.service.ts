import { listRoundsToAnswer } from "@/server/domains/assessments/responses.service";
import { reportTaskOf } from "@/server/domains/contributions/contributions.due";
import { listMyOpenWork } from "@/server/domains/gaps/actionItems.service";
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
  const [rounds, report, work, meetings] = await Promise.all([
    listRoundsToAnswer(scope),
    reportTaskOf(scope, now),
    listMyOpenWork(scope, now),
    listMeetingsThisWeek(scope, now),
  ]);
  return { today: todayOfScope(scope, now), timeZone: scope.timeZone, rounds, report, actions: work.actions, gaps: work.gaps, meetings };
}
