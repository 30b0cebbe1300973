import type { Database } from "@/server/lib/unitOfWork";
import { insertNotifications } from "./notifications.service";
import type { TaskForceScope } from "@/server/trpc/context";

/*
 * The in-app notice to whoever holds a piece of work (an action's assignee, a gap's owner) when it
 * is given to them or its due date moves. Never to the person who made the change: they know.
 * Here rather than with gaps because both gaps and the action items below them send it.
 */

interface Work {
  kind: "actionItem" | "gap";
  id: string;
  title: string;
  /** The record's version after the change, so each change is noticed once, and every change once. */
  version: number;
}

interface Holding {
  holderUserId: string | null;
  dueOn: string | null;
}

export async function noticeWorkChange(tx: Database, scope: TaskForceScope, work: Work, before: Holding | null, after: Holding) {
  const holder = after.holderUserId;
  if (!holder || holder === scope.userId) return;
  const given = before?.holderUserId !== holder;
  if (!given && before?.dueOn === after.dueOn) return;
  const kind = `${work.kind}${given ? "Assigned" : "DueChanged"}`;
  await insertNotifications(tx, [
    {
      taskForceId: scope.taskForceId,
      userId: holder,
      kind,
      values: { title: work.title, due: after.dueOn ?? "none" },
      link: work.kind === "gap" ? `/tf/${scope.taskForceSlug}/gaps/${work.id}` : `/tf/${scope.taskForceSlug}/actions`,
      dedupeKey: `${kind}:${work.id}:${holder}:${work.version}`,
    },
  ]);
}
