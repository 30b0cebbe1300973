import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { auditedBy, recordAudit } from "@/server/domains/audit/audit.service";
import { currentTime } from "@/server/lib/clock";
import type { TaskForceScope } from "@/server/trpc/context";
import { dismissSetupChecklist, readSetupProgress } from "./dashboard.queries";

/** The steps of setting up a task force, in the order a coordinator usually takes them. */
export const SETUP_STEPS = ["framework", "organizations", "leads", "people", "grant", "meeting", "round"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Organizations a task force needs before "add organizations" counts as done: it is a collaboration. */
const MIN_ORGANIZATIONS = 2;

/**
 * A new task force's setup checklist for its coordinators: each step ticked from the records
 * themselves (nothing to tick by hand), shown on the dashboard until every step is done or a
 * coordinator hides it.
 */
export async function getSetupChecklist(scope: TaskForceScope, now = currentTime()) {
  const progress = await readSetupProgress(await getDb(), scope.taskForceId, now);
  const done: Record<SetupStep, boolean> = {
    framework: progress?.framework ?? false,
    organizations: (progress?.organizations ?? 0) >= MIN_ORGANIZATIONS,
    leads: (progress?.lawEnforcementLead ?? false) && (progress?.victimServicesLead ?? false),
    people: progress?.people ?? false,
    grant: progress?.grant ?? false,
    meeting: progress?.meeting ?? false,
    round: progress?.round ?? false,
  };
  const steps = SETUP_STEPS.map((step) => ({ step, done: done[step] }));
  const complete = steps.every((step) => step.done);
  return { steps, complete, dismissed: progress?.dismissedAt != null, shown: !complete && progress?.dismissedAt == null };
}

/** Hides the checklist from the dashboard for everyone in the task force (recorded in the audit log). */
export function hideSetupChecklist(scope: TaskForceScope, now = currentTime()) {
  return inTransaction(async (tx) => {
    await dismissSetupChecklist(tx, scope.taskForceId, now);
    await recordAudit(tx, auditedBy(scope), {
      entity: "taskForce",
      entityId: scope.taskForceId,
      action: "hideSetupChecklist",
      changes: { setupChecklistDismissedAt: { from: null, to: now } },
    });
    return { hidden: true };
  });
}
