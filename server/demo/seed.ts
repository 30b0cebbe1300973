import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import type { AuditChanges } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { TaskForceRole } from "@/server/auth/permissions";
import { findUserIdByEmail, insertUser, setAdmin } from "@/server/domains/account/account.queries";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { seedDemoMeetings } from "./seedMeetings";
import type { Discipline } from "@/server/domains/organizations/disciplines";
import { insertOrganization } from "@/server/domains/organizations/organizations.queries";
import { insertMembership } from "@/server/domains/people/people.queries";
import { findTaskForceIdBySlug, insertTaskForce } from "@/server/domains/taskForces/taskForces.queries";
import {
  insertResponses,
  insertRound,
  insertSubmissionIfMissing,
  upsertAgreedStage,
  upsertTarget,
} from "@/server/domains/assessments/assessments.queries";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { findCurrentFrameworkVersionOfTaskForce } from "@/server/domains/frameworks/frameworks.queries";
import { insertActionItem, insertGap, insertGapEvent } from "@/server/domains/gaps/gaps.queries";
import { seedDemoMembers } from "./seedMembers";
import { seedDemoContributions } from "./seedContributions";
import { type ActionItemStatus, type GapPriority, type GapStatus } from "@/server/domains/gaps/gaps.rules";
import { addDays, dateInZone } from "@/server/lib/dates";
import { seedDemoGrants } from "./seedGrants";
import { markTaskForceAsDemo } from "@/server/domains/demo/demo.queries";
import { currentTime } from "@/server/lib/clock";

/*
 * A clearly fictional demo: invented task forces, agencies and people with "(demo)" in every name and
 * @example.org addresses (a domain reserved for documentation). It holds no case or survivor data of
 * any kind. Its accounts share one password generated for each installation (DEMO_PASSWORD, kept in
 * .env.local and printed by `npm run app`), never a published one, and every record is flagged
 * is_demo so that an administrator can remove it all in one step (server/domains/demo).
 */

/** The password the demo once shipped with, published in old READMEs: accounts still on it are moved off it at start. */
export const LEGACY_DEMO_PASSWORD = "demo-password-2026";

/** A password for this installation's demo accounts: four groups of random letters and digits. */
export function generateDemoPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

export const DEMO_TASK_FORCE_SLUG = "riverbend-demo";
export const SECOND_DEMO_TASK_FORCE_SLUG = "lakeshore-demo";

export interface DemoLogin {
  email: string;
  name: string;
  /** The task-force role, or "admin" for the platform administrator (who has no membership). */
  role: TaskForceRole | "admin";
  /** Slug of the task force the role applies to; null for the platform administrator. */
  taskForce: string | null;
}

interface DemoTaskForce {
  slug: string;
  name: string;
  timeZone: string;
  organizations: { key: string; name: string; primaryDiscipline: Discipline }[];
  memberships: { email: string; role: TaskForceRole; organizationKey?: string }[];
}

const DEMO_USERS: { email: string; name: string; isAdmin?: boolean }[] = [
  { email: "admin@example.org", name: "Ada Administrator (demo)", isAdmin: true },
  { email: "coordinator@example.org", name: "Casey Coordinator (demo)" },
  { email: "member@example.org", name: "Morgan Member (demo)" },
  { email: "funder@example.org", name: "Frankie Funder (demo)" },
  { email: "viewer@example.org", name: "Val Viewer (demo)" },
  { email: "coordinator.lakeshore@example.org", name: "Lee Lakeshore (demo)" },
  // Respondents of the demo's assessment rounds, one or two per discipline.
  { email: "advocate@example.org", name: "Avery Advocate (demo)" },
  { email: "deputy@example.org", name: "Dana Deputy (demo)" },
  { email: "prosecutor@example.org", name: "Priya Prosecutor (demo)" },
  { email: "inspector@example.org", name: "Ira Inspector (demo)" },
  { email: "nurse@example.org", name: "Nico Nurse (demo)" },
];

const DEMO_TASK_FORCES: DemoTaskForce[] = [
  {
    slug: DEMO_TASK_FORCE_SLUG,
    name: "Riverbend County Anti-Trafficking Task Force (demo)",
    timeZone: "America/Chicago",
    organizations: [
      { key: "sheriff", name: "Riverbend County Sheriff's Office (demo)", primaryDiscipline: "lawEnforcementLocalState" },
      { key: "shelter", name: "Riverbend Safe Harbor Victim Services (demo)", primaryDiscipline: "victimServices" },
      { key: "prosecutor", name: "Riverbend County Prosecutor's Office (demo)", primaryDiscipline: "prosecution" },
      { key: "labour", name: "State Labor Standards Office, Riverbend District (demo)", primaryDiscipline: "civilLabourEnforcement" },
      { key: "clinic", name: "Riverbend Community Health Clinic (demo)", primaryDiscipline: "health" },
      { key: "survivors", name: "Riverbend Survivor Leadership Council (demo)", primaryDiscipline: "survivorLeaders" },
    ],
    memberships: [
      { email: "coordinator@example.org", role: "coordinator" },
      { email: "member@example.org", role: "member", organizationKey: "shelter" },
      { email: "funder@example.org", role: "funder" },
      { email: "viewer@example.org", role: "viewer" },
      { email: "advocate@example.org", role: "member", organizationKey: "shelter" },
      { email: "deputy@example.org", role: "member", organizationKey: "sheriff" },
      { email: "prosecutor@example.org", role: "member", organizationKey: "prosecutor" },
      { email: "inspector@example.org", role: "member", organizationKey: "labour" },
      { email: "nurse@example.org", role: "member", organizationKey: "clinic" },
    ],
  },
  {
    slug: SECOND_DEMO_TASK_FORCE_SLUG,
    name: "Lakeshore Regional Task Force (demo)",
    timeZone: "America/Chicago",
    organizations: [
      { key: "coalition", name: "Lakeshore Regional Outreach Coalition (demo)", primaryDiscipline: "communityOrganizations" },
    ],
    memberships: [
      { email: "coordinator.lakeshore@example.org", role: "coordinator" },
      // Gives member@example.org two task forces, so the task-force switcher has something to switch.
      { email: "member@example.org", role: "viewer" },
    ],
  },
];

/** Every demo account with its role, for the start-up banner and the README. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@example.org", name: "Ada Administrator (demo)", role: "admin", taskForce: null },
  ...DEMO_TASK_FORCES.flatMap((taskForce) =>
    taskForce.memberships.map((membership) => ({
      email: membership.email,
      name: DEMO_USERS.find((user) => user.email === membership.email)?.name ?? membership.email,
      role: membership.role,
      taskForce: taskForce.slug,
    })),
  ),
];

/** What the demo seeds, for moving an installation seeded before the is_demo flag off the published password. */
export const DEMO_ACCOUNT_EMAILS: readonly string[] = DEMO_USERS.map((user) => user.email);
export const DEMO_TASK_FORCE_SLUGS: readonly string[] = DEMO_TASK_FORCES.map((taskForce) => taskForce.slug);

/** Whether the demo task force was ever seeded here (removed or not); seeding happens once. */
export async function demoWasSeeded(db: Database): Promise<boolean> {
  return (await findTaskForceIdBySlug(db, DEMO_TASK_FORCE_SLUG)) !== null;
}

export { hasDemoData } from "@/server/domains/demo/demo.queries";

export type SeedResult = { seeded: true; logins: readonly DemoLogin[] } | { seeded: false; reason: string };

/**
 * Creates the demo task forces, agencies, people and memberships in one transaction, with an audit
 * entry for each record. Does nothing when the demo task force already exists, so running the app
 * again keeps whatever people changed in the demo.
 */
export async function seedDemo(db: Database, options: { password?: string } = {}): Promise<SeedResult> {
  if (await demoWasSeeded(db)) {
    return { seeded: false, reason: `demo task force "${DEMO_TASK_FORCE_SLUG}" already exists` };
  }
  // The demo's assessment rounds are taken on the default framework (idempotent; also run at every start).
  await ensureDefaultFramework(db);
  // One hash for all demo accounts: they share this installation's demo password.
  const passwordHash = await hashPassword(options.password ?? generateDemoPassword());

  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const created = await insertUser(tx, { email: user.email, name: user.name, passwordHash, isAdmin: user.isAdmin ?? false, isDemo: true });
      // An account of that email may exist already (e.g. made with `npm run admin`): keep it as it is.
      const id = created?.id ?? (await findUserIdByEmail(tx, user.email));
      if (!id) throw new Error(`demo seed: could not create or find ${user.email}`);
      if (!created && user.isAdmin) await setAdmin(tx, id);
      userIds.set(user.email, id);
    }

    for (const demo of DEMO_TASK_FORCES) {
      const taskForce = await insertTaskForce(tx, { slug: demo.slug, name: demo.name, timeZone: demo.timeZone });
      // The second task force may be left over from an earlier, partly removed demo: skip it then.
      if (!taskForce) continue;
      await markTaskForceAsDemo(tx, taskForce.id);
      const audit = (entity: string, entityId: string, changes: AuditChanges) =>
        recordAudit(tx, { taskForceId: taskForce.id, actorUserId: null }, { entity, entityId, action: "create", changes });

      await audit("taskForce", taskForce.id, {
        slug: { from: null, to: demo.slug },
        name: { from: null, to: demo.name },
        timeZone: { from: null, to: demo.timeZone },
      });

      const organizationIds = new Map<string, string>();
      for (const organization of demo.organizations) {
        const created = await insertOrganization(tx, {
          taskForceId: taskForce.id,
          name: organization.name,
          primaryDiscipline: organization.primaryDiscipline,
        });
        if (!created) throw new Error(`demo seed: organization "${organization.name}" already exists`);
        organizationIds.set(organization.key, created.id);
        await audit("organization", created.id, {
          name: { from: null, to: organization.name },
          primaryDiscipline: { from: null, to: organization.primaryDiscipline },
        });
      }

      for (const membership of demo.memberships) {
        const userId = userIds.get(membership.email);
        if (!userId) throw new Error(`demo seed: unknown demo user ${membership.email}`);
        const organizationId = membership.organizationKey ? (organizationIds.get(membership.organizationKey) ?? null) : null;
        const created = await insertMembership(tx, { taskForceId: taskForce.id, userId, role: membership.role, organizationId });
        await audit("membership", created.id, {
          role: { from: null, to: membership.role },
          ...(organizationId ? { organizationId: { from: null, to: organizationId } } : {}),
        });
      }

      if (demo.slug === DEMO_TASK_FORCE_SLUG) {
        const assessed = await seedDemoAssessments(tx, { taskForceId: taskForce.id, userIds, organizationIds, organizations: demo.organizations });
        await seedDemoGaps(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds, ...assessed });
        await seedDemoMembers(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds });
        await seedDemoMeetings(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds, memberships: demo.memberships, organizations: demo.organizations });
        await seedDemoContributions(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds });
        await seedDemoGrants(tx, { taskForceId: taskForce.id, userIds, organizationIds });
      }
    }
  });

  return { seeded: true, logins: DEMO_LOGINS };
}

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

async function seedDemoAssessments(
  tx: Database,
  demo: {
    taskForceId: string;
    userIds: Map<string, string>;
    organizationIds: Map<string, string>;
    organizations: DemoTaskForce["organizations"];
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
  const membershipOf = (email: string) => DEMO_TASK_FORCES[0]?.memberships.find((membership) => membership.email === email);

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

async function seedDemoGaps(
  tx: Database,
  demo: {
    taskForceId: string;
    timeZone: string;
    userIds: Map<string, string>;
    organizationIds: Map<string, string>;
    autumnRoundId: string;
    belowTarget: string[];
    disagreement: string[];
  },
) {
  const now = currentTime();
  const today = dateInZone(now, demo.timeZone);
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const createdAt = new Date(Math.min(now.getTime(), new Date("2026-11-06T15:00:00Z").getTime()));
  const membershipOf = (email: string) => DEMO_TASK_FORCES[0]?.memberships.find((membership) => membership.email === email);
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
  const audit = (entity: string, entityId: string, action: string, changes: AuditChanges) =>
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
