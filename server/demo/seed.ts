import { randomBytes } from "node:crypto";
import type { Database } from "@/server/lib/unitOfWork";
import type { AuditChanges, AuditEntity } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { TaskForceRole } from "@/server/auth/permissions";
import { findUserIdByEmail, insertUser, setAdmin } from "@/server/domains/account/account.queries";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { seedDemoMeetings } from "./seedMeetings";
import type { Discipline } from "@/server/domains/organizations/disciplines";
import { insertOrganization } from "@/server/domains/organizations/organizations.queries";
import { insertMembership } from "@/server/domains/people/people.queries";
import { findTaskForceIdBySlug, insertTaskForce } from "@/server/domains/taskForces/taskForces.queries";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { seedDemoMembers } from "./seedMembers";
import { seedDemoContributions } from "./seedContributions";
import { seedDemoGrants } from "./seedGrants";
import { markTaskForceAsDemo } from "@/server/domains/demo/demo.queries";
import { seedDemoAssessments } from "./seedAssessments";
import { seedDemoGaps } from "./seedGaps";
import { insertFundingProgram, insertProgramFunder } from "@/server/domains/fundingPrograms/fundingPrograms.queries";
import { addTaskForceToProgram } from "@/server/domains/fundingPrograms/fundingPrograms.service";
import { currentTime } from "@/server/lib/clock";

/*
 * A clearly fictional demo: invented task forces, agencies and people with "(demo)" in every name and
 * @example.org addresses (a domain reserved for documentation). It holds no case or survivor data at
 * all. Its accounts share one password generated for each installation (DEMO_PASSWORD, kept in
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

/**
 * A funding program covering the demo task force, given to the demo funder. The demo funder is also
 * invited to the task force, and a membership wins over a program, so their access and portfolio
 * stay as they were: the program shows how administrators and coordinators keep programs.
 */
export const DEMO_FUNDING_PROGRAM = {
  name: "Example State ECM Program 2026",
  funderOrganization: "Example State Office of Justice Programs (demo)",
  description: "Fictional state funding for enhanced collaborative model task forces, 2026 (demo).",
  funders: ["funder@example.org"],
  taskForces: [DEMO_TASK_FORCE_SLUG],
};

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
  // The demo's assessment rounds are taken on the default framework (idempotent; also run at every
  // start), chosen as a coordinator would, so the demo's setup checklist shows that step done.
  const { frameworkId } = await ensureDefaultFramework(db);
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

    const taskForceIds = new Map<string, string>();
    for (const demo of DEMO_TASK_FORCES) {
      const taskForce = await insertTaskForce(tx, { slug: demo.slug, name: demo.name, timeZone: demo.timeZone, frameworkId });
      // The second task force may be left over from an earlier, partly removed demo: skip it then.
      if (!taskForce) continue;
      await markTaskForceAsDemo(tx, taskForce.id);
      const audit = (entity: AuditEntity, entityId: string, changes: AuditChanges) =>
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
        const assessed = await seedDemoAssessments(tx, { taskForceId: taskForce.id, userIds, organizationIds, organizations: demo.organizations, memberships: demo.memberships });
        await seedDemoGaps(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds, memberships: demo.memberships, ...assessed });
        await seedDemoMembers(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds });
        await seedDemoMeetings(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds, memberships: demo.memberships, organizations: demo.organizations });
        await seedDemoContributions(tx, { taskForceId: taskForce.id, timeZone: demo.timeZone, userIds, organizationIds });
        await seedDemoGrants(tx, { taskForceId: taskForce.id, userIds, organizationIds });
      }
      taskForceIds.set(demo.slug, taskForce.id);
    }

    await seedDemoFundingProgram(tx, userIds, taskForceIds);
  });

  return { seeded: true, logins: DEMO_LOGINS };
}

/** The demo's funding program, its funder and the demo task force in it (audited there as a coordinator's would be). */
async function seedDemoFundingProgram(tx: Database, userIds: Map<string, string>, taskForceIds: Map<string, string>) {
  const { name, funderOrganization, description } = DEMO_FUNDING_PROGRAM;
  // A program of that name may be left over from an earlier, partly removed demo: keep it as it is.
  const program = await insertFundingProgram(tx, { name, funderOrganization, description, isDemo: true });
  if (!program) return;
  const now = currentTime();
  for (const email of DEMO_FUNDING_PROGRAM.funders) {
    const userId = userIds.get(email);
    if (!userId) throw new Error(`demo seed: unknown demo user ${email}`);
    await insertProgramFunder(tx, { programId: program.id, userId, addedAt: now });
  }
  for (const slug of DEMO_FUNDING_PROGRAM.taskForces) {
    const taskForceId = taskForceIds.get(slug);
    if (taskForceId) await addTaskForceToProgram(tx, null, taskForceId, program, now);
  }
}
