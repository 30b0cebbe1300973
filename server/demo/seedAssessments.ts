import type { Database } from "@/server/lib/unitOfWork";
import type { TaskForceRole } from "@/server/auth/permissions";
import { recordAudit } from "@/server/domains/audit/audit.service";
import type { Discipline } from "@/server/domains/organizations/disciplines";
import { insertResponses, insertSubmissionIfMissing } from "@/server/domains/assessments/responses.queries";
import { insertRound } from "@/server/domains/assessments/assessments.queries";
import { upsertAgreedStage, upsertTarget } from "@/server/domains/assessments/results.queries";
import { findCurrentFrameworkVersionOfTaskForce } from "@/server/domains/frameworks/frameworks.queries";

/*
 * Two completed self-assessment rounds about six months apart, so that the consensus, comparison
 * and trend views show something real on first start. Ratings are generated from the framework's
 * own elements (whatever its wording) by a fixed plan, so the result is the same on every seed:
 * each element has a level per round; respondents rate around it (their offsets keep the median
 * on the level and differ by one stage at most), on a few elements the deputy rates two stages
 * higher (disagreement), some people say "don't know" outside their field, and between the rounds
 * most elements move up one stage, every fifth stays, and one moves down.
 */

/** In the order of the offsets below; the nurse joined after the spring round. */
const DEMO_RESPONDENTS = [
  "member@example.org",
  "advocate@example.org",
  "deputy@example.org",
  "prosecutor@example.org",
  "inspector@example.org",
  "nurse@example.org",
] as const;

const DEMO_RATIONALES: Record<number, string> = {
  1: "Mostly informal so far; a few champions carry this.",
  2: "First steps agreed and partly written down.",
  3: "In regular use by most partners.",
  4: "Reviewed with data and with input from people with lived experience.",
  5: "Built in; it would survive staff turnover.",
};

interface DemoRoundPlan {
  title: string;
  opensOn: string;
  closesOn: string;
  openedAt: Date;
  closedAt: Date;
  respondents: number;
  /** Stage offsets from the element's level, by respondent; they keep the median on the level. */
  offsets: number[];
  level: (index: number) => number;
  disagreement: (index: number) => boolean;
  /** How many leading elements of the first area got an agreed stage after discussion. */
  agreedCount: number;
}

export async function seedDemoAssessments(
  tx: Database,
  demo: {
    taskForceId: string;
    userIds: Map<string, string>;
    organizationIds: Map<string, string>;
    organizations: readonly { key: string; primaryDiscipline: Discipline }[];
    memberships: readonly { email: string; role: TaskForceRole; organizationKey?: string }[];
  },
) {
  const version = await findCurrentFrameworkVersionOfTaskForce(tx, demo.taskForceId);
  if (!version) throw new Error("demo seed: no default framework to take the assessment rounds on");
  const elements = version.content.areas.flatMap((area, areaIndex) =>
    area.elements.map((element, indexInArea) => ({ key: element.key, areaIndex, indexInArea })),
  );
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const springLevel = (index: number) => 1 + ((index * 7) % 3);
  // One element moves down: the first one with room to fall.
  const downIndex = elements.findIndex((_, index) => index > 3 && springLevel(index) >= 2);
  const autumnLevel = (index: number) =>
    index === downIndex ? springLevel(index) - 1 : index % 5 === 2 ? springLevel(index) : springLevel(index) + 1;

  const plans: DemoRoundPlan[] = [
    {
      title: "Spring 2026 self-assessment (demo)",
      opensOn: "2026-04-01",
      closesOn: "2026-04-30",
      openedAt: new Date("2026-04-01T14:00:00Z"),
      closedAt: new Date("2026-05-01T15:00:00Z"),
      respondents: 5,
      offsets: [0, 1, 0, 0, 0],
      level: springLevel,
      disagreement: (index) => index % 6 === 1,
      agreedCount: 2,
    },
    {
      title: "Autumn 2026 self-assessment (demo)",
      opensOn: "2026-10-01",
      closesOn: "2026-10-31",
      openedAt: new Date("2026-10-01T14:00:00Z"),
      closedAt: new Date("2026-11-02T15:00:00Z"),
      respondents: 6,
      offsets: [0, 1, 0, 0, 1, 0],
      level: autumnLevel,
      disagreement: (index) => index % 5 === 3,
      agreedCount: 3,
    },
  ];

  const disciplineOf = new Map(demo.organizations.map((organization) => [organization.key, organization.primaryDiscipline]));
  const membershipOf = (email: string) => demo.memberships.find((membership) => membership.email === email);

  const roundIds: string[] = [];
  for (const plan of plans) {
    const { id: roundId } = await insertRound(tx, {
      taskForceId: demo.taskForceId,
      title: plan.title,
      frameworkVersionId: version.id,
      audience: "all",
      opensOn: plan.opensOn,
      closesOn: plan.closesOn,
      createdByUserId: coordinatorId,
      status: "closed",
      openedAt: plan.openedAt,
      closedAt: plan.closedAt,
    });
    roundIds.push(roundId);
    await recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: null }, {
      entity: "assessmentRound",
      entityId: roundId,
      action: "create",
      changes: {
        title: { from: null, to: plan.title },
        opensOn: { from: null, to: plan.opensOn },
        closesOn: { from: null, to: plan.closesOn },
        status: { from: null, to: "closed" },
      },
    });

    for (const [respondentIndex, email] of DEMO_RESPONDENTS.slice(0, plan.respondents).entries()) {
      const userId = demo.userIds.get(email);
      const organizationKey = membershipOf(email)?.organizationKey;
      if (!userId || !organizationKey) throw new Error(`demo seed: respondent ${email} has no membership`);
      const submittedAt = new Date(plan.openedAt.getTime() + (3 + respondentIndex * 4) * 24 * 60 * 60 * 1000);
      await insertSubmissionIfMissing(tx, {
        taskForceId: demo.taskForceId,
        roundId,
        respondentUserId: userId,
        organizationId: demo.organizationIds.get(organizationKey) ?? null,
        discipline: disciplineOf.get(organizationKey) ?? null,
        startedAt: new Date(submittedAt.getTime() - 2 * 24 * 60 * 60 * 1000),
        submittedAt,
      });
      await insertResponses(
        tx,
        elements.map((element, index) => {
          const base = { taskForceId: demo.taskForceId, roundId, respondentUserId: userId, elementKey: element.key, updatedAt: submittedAt };
          // Outside their own field people say so: the labour inspector on victim services, the nurse on investigations.
          if ((email === "inspector@example.org" && element.areaIndex === 1) || (email === "nurse@example.org" && element.areaIndex === 2)) {
            return { ...base, answer: "dont_know" as const, stage: null };
          }
          if (email === "prosecutor@example.org" && element.areaIndex === 3 && element.indexInArea === 1) {
            return { ...base, answer: "not_applicable" as const, stage: null };
          }
          const offset = email === "deputy@example.org" && plan.disagreement(index) ? 2 : (plan.offsets[respondentIndex] ?? 0);
          const stage = Math.min(5, Math.max(1, plan.level(index) + offset));
          return { ...base, answer: "stage" as const, stage, rationale: (index + respondentIndex) % 2 === 0 ? (DEMO_RATIONALES[stage] ?? "") : "" };
        }),
      );
      await recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: userId }, {
        entity: "assessmentResponse",
        entityId: roundId,
        action: "submit",
        changes: { submittedAt: { from: null, to: submittedAt } },
      });
    }

    for (const element of elements.filter((candidate) => candidate.areaIndex === 0).slice(0, plan.agreedCount)) {
      const stage = plan.level(elements.indexOf(element));
      const note = "Agreed at the review meeting after the round closed.";
      await upsertAgreedStage(tx, {
        taskForceId: demo.taskForceId,
        roundId,
        elementKey: element.key,
        stage,
        note,
        recordedByUserId: coordinatorId ?? "",
        recordedAt: plan.closedAt,
      });
      await recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: coordinatorId }, {
        entity: "agreedStage",
        entityId: `${roundId}:${element.key}`,
        action: "create",
        changes: { stage: { from: null, to: stage }, note: { from: null, to: note } },
      });
    }
  }

  // A target for the first element of each area: a stage above where the autumn round left it.
  for (const element of elements.filter((candidate) => candidate.indexInArea === 0)) {
    const stage = Math.min(5, autumnLevel(elements.indexOf(element)) + 1);
    const note = "Goal for this grant period.";
    await upsertTarget(tx, {
      taskForceId: demo.taskForceId,
      elementKey: element.key,
      stage,
      note,
      updatedByUserId: coordinatorId ?? "",
      updatedAt: new Date("2026-11-05T15:00:00Z"),
    });
    await recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: coordinatorId }, {
      entity: "elementTarget",
      entityId: element.key,
      action: "create",
      changes: { stage: { from: null, to: stage }, note: { from: null, to: note } },
    });
  }

  const autumnRoundId = roundIds[1];
  if (!autumnRoundId) throw new Error("demo seed: the autumn round is missing");
  // What the autumn round left for gaps: elements below their target, and elements the deputy rated apart.
  return {
    autumnRoundId,
    belowTarget: elements.filter((element) => element.indexInArea === 0).map((element) => element.key),
    disagreement: elements.filter((_, index) => index % 5 === 3).map((element) => element.key),
  };
}
