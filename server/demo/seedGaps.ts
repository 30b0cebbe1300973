import type { Database } from "@/server/lib/unitOfWork";
import type { AuditAction, AuditChanges, AuditEntity } from "@/db/schema";
import type { TaskForceRole } from "@/server/auth/permissions";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { insertActionItem } from "@/server/domains/actionItems/actionItems.queries";
import type { ActionItemStatus } from "@/server/domains/actionItems/actionItems.schemas";
import { insertGap, insertGapEvent } from "@/server/domains/gaps/gaps.queries";
import { type GapPriority, type GapStatus } from "@/server/domains/gaps/gaps.rules";
import { addDays, dateInZone } from "@/server/lib/dates";
import { currentTime } from "@/server/lib/clock";

/*
 * Gaps from the autumn round with their action plans, dated from the day of seeding so the demo
 * always shows something overdue and something due within the week. Owners come from different
 * agencies; one gap is blocked (with its reason), one resolved; one action belongs to no gap.
 */

interface DemoGapPlan {
  elementKey: string | undefined;
  title: string;
  description: string;
  priority: GapPriority;
  currentStage: number | null;
  targetStage: number | null;
  ownerOrganizationKey: string;
  ownerEmail: string;
  /** Days from the seeding day; null for no due date. */
  dueInDays: number | null;
  /** The statuses it went through after "open", with the note of each change. */
  history: { status: GapStatus; note: string }[];
  actions: DemoActionPlan[];
}

interface DemoActionPlan {
  title: string;
  assigneeEmail: string;
  dueInDays: number | null;
  status: ActionItemStatus;
}

export async function seedDemoGaps(
  tx: Database,
  demo: {
    taskForceId: string;
    timeZone: string;
    userIds: Map<string, string>;
    organizationIds: Map<string, string>;
    autumnRoundId: string;
    belowTarget: string[];
    disagreement: string[];
    memberships: readonly { email: string; role: TaskForceRole; organizationKey?: string }[];
  },
) {
  const now = currentTime();
  const today = dateInZone(now, demo.timeZone);
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const createdAt = new Date(Math.min(now.getTime(), new Date("2026-11-06T15:00:00Z").getTime()));
  const membershipOf = (email: string) => demo.memberships.find((membership) => membership.email === email);
  const userOf = (email: string) => {
    const id = demo.userIds.get(email);
    if (!id) throw new Error(`demo seed: unknown demo user ${email}`);
    return id;
  };
  const organizationOfUser = (email: string) => {
    const key = membershipOf(email)?.organizationKey;
    return key ? (demo.organizationIds.get(key) ?? null) : null;
  };
  const due = (days: number | null) => (days === null ? null : addDays(today, days));
  const audit = (entity: AuditEntity, entityId: string, action: AuditAction, changes: AuditChanges) =>
    recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: coordinatorId }, { entity, entityId, action, changes });

  const plans: DemoGapPlan[] = [
    {
      elementKey: demo.belowTarget[0],
      title: "Written referral protocol between victim services and law enforcement (demo)",
      description: "The autumn round put this element a stage below our target; referrals still depend on who knows whom.",
      priority: "high",
      currentStage: null,
      targetStage: null,
      ownerOrganizationKey: "shelter",
      ownerEmail: "member@example.org",
      dueInDays: -4,
      history: [{ status: "in_progress", note: "Drafting started at the November meeting." }],
      actions: [
        { title: "Draft the referral protocol with the sheriff's office (demo)", assigneeEmail: "member@example.org", dueInDays: -2, status: "to_do" },
        { title: "Ask the survivor leadership council to review the draft (demo)", assigneeEmail: "advocate@example.org", dueInDays: 5, status: "doing" },
      ],
    },
    {
      elementKey: demo.belowTarget[1],
      title: "Joint training on trauma-informed interviews (demo)",
      description: "Below target in the autumn round. Plan one joint session for deputies and advocates.",
      priority: "medium",
      currentStage: null,
      targetStage: null,
      ownerOrganizationKey: "sheriff",
      ownerEmail: "deputy@example.org",
      dueInDays: 3,
      history: [],
      actions: [
        { title: "Book the training room and a trainer (demo)", assigneeEmail: "deputy@example.org", dueInDays: null, status: "done" },
        { title: "Invite deputies and advocates to the joint training (demo)", assigneeEmail: "deputy@example.org", dueInDays: 4, status: "to_do" },
      ],
    },
    {
      elementKey: demo.disagreement[0],
      title: "Agree how case referrals to prosecution are tracked (demo)",
      description: "Ratings in the autumn round were far apart; the partners see this differently.",
      priority: "medium",
      currentStage: null,
      targetStage: null,
      ownerOrganizationKey: "prosecutor",
      ownerEmail: "prosecutor@example.org",
      dueInDays: 20,
      history: [{ status: "blocked", note: "Waiting for the new case management system to be chosen." }],
      actions: [],
    },
    {
      elementKey: demo.disagreement[1],
      title: "Shared list of labor inspection contacts (demo)",
      description: "Resolved: the list is kept by the labor standards office and shared each quarter.",
      priority: "low",
      currentStage: null,
      targetStage: null,
      ownerOrganizationKey: "labour",
      ownerEmail: "inspector@example.org",
      dueInDays: null,
      history: [
        { status: "in_progress", note: "" },
        { status: "resolved", note: "The list was shared with every partner." },
      ],
      actions: [{ title: "Send the contact list to all partners (demo)", assigneeEmail: "inspector@example.org", dueInDays: null, status: "done" }],
    },
  ];

  const insertAction = async (gapId: string | null, action: DemoActionPlan) => {
    const assigneeUserId = userOf(action.assigneeEmail);
    const values = {
      gapId,
      title: action.title,
      assigneeUserId,
      assigneeOrganizationId: organizationOfUser(action.assigneeEmail),
      dueOn: due(action.dueInDays),
    };
    const done = action.status === "done";
    const { id } = await insertActionItem(tx, {
      ...values,
      taskForceId: demo.taskForceId,
      status: action.status,
      completedAt: done ? now : null,
      createdByUserId: coordinatorId,
      updatedByUserId: done ? assigneeUserId : coordinatorId,
      createdAt,
      updatedAt: done ? now : createdAt,
    });
    await audit("actionItem", id, "create", {
      title: { from: null, to: values.title },
      assigneeUserId: { from: null, to: assigneeUserId },
      ...(values.dueOn ? { dueOn: { from: null, to: values.dueOn } } : {}),
      status: { from: null, to: action.status },
    });
  };

  for (const plan of plans) {
    if (!plan.elementKey) continue;
    const ownerUserId = userOf(plan.ownerEmail);
    const status = plan.history.at(-1)?.status ?? "open";
    const reason = plan.history.at(-1)?.note ?? "";
    const values = {
      elementKey: plan.elementKey,
      title: plan.title,
      description: plan.description,
      priority: plan.priority,
      currentStage: plan.currentStage,
      targetStage: plan.targetStage,
      ownerOrganizationId: demo.organizationIds.get(plan.ownerOrganizationKey) ?? null,
      ownerUserId,
      dueOn: due(plan.dueInDays),
      sourceRoundId: demo.autumnRoundId,
    };
    const { id: gapId } = await insertGap(tx, {
      ...values,
      taskForceId: demo.taskForceId,
      status,
      statusReason: status === "blocked" || status === "wont_fix" ? reason : null,
      resolvedAt: status === "resolved" ? now : null,
      version: 1 + plan.history.length,
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
      createdAt,
      updatedAt: plan.history.length ? now : createdAt,
    });
    await insertGapEvent(tx, { taskForceId: demo.taskForceId, gapId, kind: "status_change", toStatus: "open", actorUserId: coordinatorId, createdAt });
    await audit("gap", gapId, "create", {
      elementKey: { from: null, to: values.elementKey },
      title: { from: null, to: values.title },
      ownerOrganizationId: { from: null, to: values.ownerOrganizationId },
      ownerUserId: { from: null, to: ownerUserId },
      ...(values.dueOn ? { dueOn: { from: null, to: values.dueOn } } : {}),
    });
    let from: GapStatus = "open";
    for (const [step, change] of plan.history.entries()) {
      // A second apart, so the timeline keeps its order.
      const at = new Date(now.getTime() - (plan.history.length - step) * 1000);
      await insertGapEvent(tx, {
        taskForceId: demo.taskForceId,
        gapId,
        kind: "status_change",
        fromStatus: from,
        toStatus: change.status,
        body: change.note,
        actorUserId: ownerUserId,
        createdAt: at,
      });
      await recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: ownerUserId }, {
        entity: "gap",
        entityId: gapId,
        action: "changeStatus",
        changes: { status: { from, to: change.status }, ...(change.note ? { note: { from: null, to: change.note } } : {}) },
      });
      from = change.status;
    }
    for (const action of plan.actions) await insertAction(gapId, action);
  }

  // A standalone action, as a meeting would leave one.
  await insertAction(null, {
    title: "Circulate the notes of the November partners' meeting (demo)",
    assigneeEmail: "member@example.org",
    dueInDays: 6,
    status: "to_do",
  });
}
