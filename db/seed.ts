import type { Database } from "@/db/client";
import type { AuditChanges } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { TaskForceRole } from "@/server/auth/permissions";
import { findUserIdByEmail, insertUser, setAdmin } from "@/server/domains/account/account.queries";
import { recordAudit } from "@/server/domains/audit/audit.service";
import type { Discipline } from "@/server/domains/organizations/disciplines";
import { insertOrganization } from "@/server/domains/organizations/organizations.queries";
import { insertMembership } from "@/server/domains/people/people.queries";
import { findTaskForceIdBySlug, insertTaskForce } from "@/server/domains/taskForces/taskForces.queries";

/*
 * A clearly fictional demo: invented task forces, agencies and people with "(demo)" in every name and
 * @example.org addresses (a domain reserved for documentation). It holds no case or survivor data of
 * any kind. It is only ever seeded on the embedded database or when SEED_DEMO=1 asks for it, so a
 * production PostgreSQL never gets accounts with a published password.
 */

/** One shared password for every demo account; printed by `npm run app`. */
export const DEMO_PASSWORD = "demo-password-2026";
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

export async function hasDemoData(db: Database): Promise<boolean> {
  return (await findTaskForceIdBySlug(db, DEMO_TASK_FORCE_SLUG)) !== null;
}

export type SeedResult = { seeded: true; logins: readonly DemoLogin[] } | { seeded: false; reason: string };

/**
 * Creates the demo task forces, agencies, people and memberships in one transaction, with an audit
 * entry for each record. Does nothing when the demo task force already exists, so running the app
 * again keeps whatever people changed in the demo.
 */
export async function seedDemo(db: Database): Promise<SeedResult> {
  if (await hasDemoData(db)) {
    return { seeded: false, reason: `demo task force "${DEMO_TASK_FORCE_SLUG}" already exists` };
  }
  // One hash for all demo accounts: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const created = await insertUser(tx, { email: user.email, name: user.name, passwordHash, isAdmin: user.isAdmin ?? false });
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
    }
  });

  return { seeded: true, logins: DEMO_LOGINS };
}
