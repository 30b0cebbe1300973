import type { Database } from "@/server/lib/unitOfWork";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findAssessmentRounds, findGaps } from "@/server/domains/grants/evidence.queries";
import { insertEvidence, insertGrant, insertRequirements } from "@/server/domains/grants/grants.queries";
import { insertStatusChanges } from "@/server/domains/grants/requirementHistory.queries";
import type { RequirementStatus } from "@/server/domains/grants/grants.rules";
import { ECM_TEMPLATE, templateItemText } from "@/server/domains/grants/templates";
import { currentTime } from "@/server/lib/clock";

/*
 * The demo task force's grant: a fictional ECM award with the template applied, a mix of statuses,
 * evidence pointing at the demo's assessment rounds and gaps, one coordinator override of a
 * computed status, and a past for the award page's progress over time (demoStatusHistory). No
 * report is generated, so the first semiannual report is there to be made.
 */

export const DEMO_AWARD_NUMBER = "DEMO-2025-ECM-0001";

interface DemoRequirementPlan {
  status?: RequirementStatus;
  ownerOrganizationKey?: string;
  dueOn?: string;
  /** Evidence by kind and the demo record's title (looked up, so the seed follows the demo's wording). */
  evidence?: ({ kind: "assessment_round" | "gap"; title: string } | { kind: "url"; url: string; label: string })[];
  override?: { status: RequirementStatus; reason: string };
}

const PLANS: Record<string, DemoRequirementPlan> = {
  "lead-pair": { status: "met", ownerOrganizationKey: "sheriff" },
  "lead-mou": { status: "in_progress", ownerOrganizationKey: "sheriff", dueOn: "2027-03-31" },
  "core-partners": {
    override: { status: "in_progress", reason: "Local prosecution takes part, but the US Attorney's Office has not joined yet (demo)." },
  },
  "leadership-mission": { status: "met", evidence: [{ kind: "assessment_round", title: "Autumn 2026 self-assessment (demo)" }] },
  protocols: {
    status: "in_progress",
    ownerOrganizationKey: "shelter",
    dueOn: "2027-06-30",
    evidence: [{ kind: "gap", title: "Written referral protocol between victim services and law enforcement (demo)" }],
  },
  "all-forms": { status: "in_progress", ownerOrganizationKey: "labour" },
  "victim-centred": { status: "in_progress", ownerOrganizationKey: "shelter" },
  "lived-experience": { status: "in_progress", ownerOrganizationKey: "survivors" },
  "start-up": { evidence: [{ kind: "assessment_round", title: "Spring 2026 self-assessment (demo)" }] },
  "data-use": {
    evidence: [
      { kind: "assessment_round", title: "Autumn 2026 self-assessment (demo)" },
      { kind: "gap", title: "Agree how case referrals to prosecution are tracked (demo)" },
    ],
  },
  training: {
    status: "in_progress",
    ownerOrganizationKey: "sheriff",
    evidence: [{ kind: "gap", title: "Joint training on trauma-informed interviews (demo)" }],
  },
  onboarding: { status: "met", evidence: [{ kind: "url", url: "https://example.org/demo/ecm-onboarding-certificate", label: "Onboarding certificate (demo)" }] },
};

/** When the demo award began: noon in the demo's zone (Chicago) on its first day. */
const DEMO_AWARD_BEGAN = Date.parse("2025-10-01T17:00:00Z");

/**
 * A plausible past for the award page's chart: every requirement not started when the award began;
 * those a coordinator set moved to in progress a third of the way to today and, where met now, to
 * met two thirds of the way; the override was made then too. Computed statuses are recorded as the
 * calculators see them when the award is first read (server/domains/grants/statusRecorder.ts).
 */
function demoStatusHistory(requirementId: string, plan: DemoRequirementPlan, computed: boolean, coordinatorId: string | null, now: Date) {
  const span = Math.max(0, now.getTime() - DEMO_AWARD_BEGAN);
  const at = (share: number) => new Date(Math.min(now.getTime(), DEMO_AWARD_BEGAN + span * share));
  const steps: { status: RequirementStatus; source: "manual" | "computed" | "override"; reason: string | null; changedAt: Date }[] = [
    { status: "not_started", source: computed ? "computed" : "manual", reason: null, changedAt: at(0) },
  ];
  if (!computed && plan.status && plan.status !== "not_started") steps.push({ status: "in_progress", source: "manual", reason: null, changedAt: at(1 / 3) });
  if (!computed && plan.status === "met") steps.push({ status: "met", source: "manual", reason: null, changedAt: at(2 / 3) });
  if (plan.override) steps.push({ status: plan.override.status, source: "override", reason: plan.override.reason, changedAt: at(2 / 3) });
  return steps.map((step, index) => ({ ...step, requirementId, sequence: index + 1, changedByUserId: step.source === "computed" ? null : coordinatorId, recordedAt: now }));
}

export async function seedDemoGrants(
  tx: Database,
  demo: { taskForceId: string; userIds: Map<string, string>; organizationIds: Map<string, string> },
) {
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const who = { taskForceId: demo.taskForceId, actorUserId: coordinatorId };
  const now = currentTime();
  const award = {
    funderName: "Office for Victims of Crime and Bureau of Justice Assistance (demo)",
    program: "Enhanced Collaborative Model Task Force (demo)",
    awardNumber: DEMO_AWARD_NUMBER,
    amount: 1_500_000,
    matchTarget: 375_000,
    periodStart: "2025-10-01",
    periodEnd: "2028-09-30",
    reportingCadence: "semiannual" as const,
  };
  const { id: grantId } = await insertGrant(tx, { ...award, taskForceId: demo.taskForceId, createdByUserId: coordinatorId, createdAt: now, updatedAt: now });
  await recordAudit(tx, who, {
    entity: "grant",
    entityId: grantId,
    action: "create",
    changes: Object.fromEntries(Object.entries(award).map(([key, value]) => [key, { from: null, to: value }])),
  });

  const created = await insertRequirements(
    tx,
    ECM_TEMPLATE.items.map((item, position) => {
      const plan = PLANS[item.key] ?? {};
      return {
        taskForceId: demo.taskForceId,
        grantId,
        templateKey: item.key,
        computedKey: item.computedKey ?? null,
        ...templateItemText(item),
        status: plan.status ?? "not_started",
        overrideStatus: plan.override?.status ?? null,
        overrideReason: plan.override?.reason ?? null,
        ownerOrganizationId: plan.ownerOrganizationKey ? (demo.organizationIds.get(plan.ownerOrganizationKey) ?? null) : null,
        dueOn: plan.dueOn ?? null,
        position,
        updatedByUserId: coordinatorId,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );

  const [rounds, gaps] = await Promise.all([findAssessmentRounds(tx, demo.taskForceId, null), findGaps(tx, demo.taskForceId, null)]);
  const recordOf = (kind: "assessment_round" | "gap", title: string) => (kind === "gap" ? gaps : rounds).find((record) => record.label === title);
  for (const [index, item] of ECM_TEMPLATE.items.entries()) {
    const requirement = created[index];
    if (!requirement) continue;
    const plan = PLANS[item.key] ?? {};
    await recordAudit(tx, who, {
      entity: "grantRequirement",
      entityId: requirement.id,
      action: "create",
      changes: { templateKey: { from: null, to: item.key }, ...(plan.status ? { status: { from: null, to: plan.status } } : {}) },
    });
    await insertStatusChanges(
      tx,
      demoStatusHistory(requirement.id, plan, item.computedKey !== undefined, coordinatorId, now).map((row) => ({ ...row, taskForceId: demo.taskForceId })),
    );
    if (plan.override) {
      await recordAudit(tx, who, {
        entity: "grantRequirement",
        entityId: requirement.id,
        action: "override",
        changes: { overrideStatus: { from: null, to: plan.override.status }, overrideReason: { from: null, to: plan.override.reason } },
      });
    }
    for (const evidence of plan.evidence ?? []) {
      const values =
        evidence.kind === "url"
          ? { kind: "url", recordId: null, url: evidence.url, label: evidence.label }
          : { kind: evidence.kind, recordId: recordOf(evidence.kind, evidence.title)?.id ?? null, url: null, label: evidence.title };
      // A demo record renamed since would leave nothing to link: skip it rather than fail the seed.
      if (values.kind !== "url" && !values.recordId) continue;
      const { id } = await insertEvidence(tx, { ...values, taskForceId: demo.taskForceId, requirementId: requirement.id, createdByUserId: coordinatorId, createdAt: now });
      await recordAudit(tx, who, { entity: "requirementEvidence", entityId: id, action: "create", changes: { requirementId: { from: null, to: requirement.id }, kind: { from: null, to: values.kind } } });
    }
  }
}
