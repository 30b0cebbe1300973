import { onlyRow } from "@/db/rows";
import type { Locale } from "@/server/lib/translate";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations, taskForces, users, type FrameworkContent } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { TaskForceRole } from "@/server/auth/permissions";
import { createTaskForceScope, type SessionUser, type TaskForceScope } from "@/server/trpc/context";
import { insertFramework, insertNextFrameworkVersion } from "@/server/domains/frameworks/frameworks.queries";
import type { ProcedureMeta } from "@/server/trpc/init";
import { appRouter, createCaller } from "@/server/trpc/root";
import { currentTime, todayIn } from "@/server/lib/clock";
import { addDays } from "@/server/lib/dates";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { publicBaseUrl } from "@/server/lib/publicUrl";

/*
 * Test data that makes itself unique, so that tests never depend on each other's rows and can run
 * in any order against a shared database file.
 */

let sequence = 0;
/** A short suffix unique within the run (worker-local counter plus randomness across workers). */
export function unique(): string {
  sequence += 1;
  return `${sequence.toString(36)}${randomBytes(3).toString("hex")}`;
}

export const DEFAULT_PASSWORD = "correct horse battery staple";

// Hashing is deliberately slow; the default password is hashed once per file and the hash reused.
let defaultPasswordHash: Promise<string> | undefined;
function passwordHashFor(password: string): Promise<string> {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultPasswordHash;
}

export interface TestUser extends SessionUser {
  /** The plain password, so tests can sign in as this person. */
  password: string;
}

export async function createUser(options: { name?: string; email?: string; password?: string; isAdmin?: boolean } = {}): Promise<TestUser> {
  const id = unique();
  const password = options.password ?? DEFAULT_PASSWORD;
  const row = onlyRow(await (await getDb())
    .insert(users)
    .values({
      email: (options.email ?? `person-${id}@example.org`).toLowerCase(),
      name: options.name ?? `Person ${id}`,
      passwordHash: await passwordHashFor(password),
      isAdmin: options.isAdmin ?? false,
    })
    .returning({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }), "user insert");
  return { ...row, password };
}

export const createAdmin = (options: { name?: string } = {}) => createUser({ ...options, isAdmin: true });

/** The zone of every test task force that does not choose one. */
export const DEFAULT_TIME_ZONE = "America/Chicago";

export interface TestTaskForce {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export async function createTaskForce(options: { slug?: string; name?: string; timeZone?: string } = {}): Promise<TestTaskForce> {
  const id = unique();
  return onlyRow(await (await getDb())
    .insert(taskForces)
    .values({
      slug: options.slug ?? `tf-${id}`,
      name: options.name ?? `Task Force ${id}`,
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    })
    .returning({ id: taskForces.id, slug: taskForces.slug, name: taskForces.name, timeZone: taskForces.timeZone }), "task force insert");
}

export interface TestOrganization {
  id: string;
  taskForceId: string;
  name: string;
  primaryDiscipline: string;
}

export async function createOrganization(
  taskForce: Pick<TestTaskForce, "id">,
  options: { name?: string; primaryDiscipline?: string } = {},
): Promise<TestOrganization> {
  return onlyRow(await (await getDb())
    .insert(organizations)
    .values({
      taskForceId: taskForce.id,
      name: options.name ?? `Agency ${unique()}`,
      primaryDiscipline: options.primaryDiscipline ?? "victimServices",
    })
    .returning({
      id: organizations.id,
      taskForceId: organizations.taskForceId,
      name: organizations.name,
      primaryDiscipline: organizations.primaryDiscipline,
    }), "organization insert");
}

export interface TestMembership {
  id: string;
  taskForceId: string;
  userId: string;
  role: TaskForceRole;
  organizationId: string | null;
}

/** Adds `user` to the task force. A `member` needs an agency: one is created unless given. */
export async function addMembership(
  taskForce: Pick<TestTaskForce, "id">,
  user: Pick<SessionUser, "id">,
  role: TaskForceRole,
  options: { organizationId?: string | null } = {},
): Promise<TestMembership> {
  const organizationId =
    options.organizationId !== undefined ? options.organizationId : role === "member" ? (await createOrganization(taskForce)).id : null;
  return onlyRow(await (await getDb())
    .insert(memberships)
    .values({ taskForceId: taskForce.id, userId: user.id, role, organizationId })
    .returning({
      id: memberships.id,
      taskForceId: memberships.taskForceId,
      userId: memberships.userId,
      role: memberships.role,
      organizationId: memberships.organizationId,
    }), "membership insert");
}

/** A new person holding `role` in the task force. */
export async function createMember(
  taskForce: Pick<TestTaskForce, "id">,
  role: TaskForceRole,
  options: { name?: string; organizationId?: string | null } = {},
): Promise<{ user: TestUser; membership: TestMembership }> {
  const user = await createUser({ name: options.name });
  const membership = await addMembership(taskForce, user, role, { organizationId: options.organizationId });
  return { user, membership };
}

/** A task force with one coordinator, the usual starting point. */
export async function createTaskForceWithCoordinator(options: { name?: string; coordinatorName?: string } = {}) {
  const taskForce = await createTaskForce({ name: options.name });
  const { user: coordinator, membership } = await createMember(taskForce, "coordinator", { name: options.coordinatorName });
  return { taskForce, coordinator, coordinatorMembership: membership };
}

/**
 * A tRPC caller with the context a request from `user` (or an anonymous visitor) would get; `headers`
 * are the request's, from which its links' address is worked out as for a real request.
 */
export function callerFor(user: SessionUser | null, options: { clientAddress?: string | null; headers?: Headers; locale?: Locale } = {}) {
  const sessionUser = user ? { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin } : null;
  return createCaller({ user: sessionUser, clientAddress: options.clientAddress ?? "203.0.113.10", baseUrl: publicBaseUrl(options.headers ?? null), locale: options.locale });
}

/** The scope a taskForceProcedure would hand a service, for calling services directly (e.g. with `now`). */
export function scopeFor(
  taskForce: Pick<TestTaskForce, "id" | "slug" | "name" | "timeZone">,
  membership: Pick<TestMembership, "userId" | "role" | "organizationId">,
): TaskForceScope {
  return createTaskForceScope({
    taskForceId: taskForce.id,
    taskForceSlug: taskForce.slug,
    userId: membership.userId,
    role: membership.role,
    organizationId: membership.organizationId,
    taskForceName: taskForce.name,
    timeZone: taskForce.timeZone,
  });
}

export interface ProcedureEntry {
  /** Dotted path as a client calls it, such as `people.update`. */
  path: string;
  /** Who may call it; undefined only for a procedure built without one of the init.ts builders. */
  meta: ProcedureMeta | undefined;
}

/**
 * Every procedure of the root router. At run time `_def.procedures` is a flat record from dotted
 * path to procedure (its declared type is the nested router shape, hence the cast).
 */
export function allProcedures(): ProcedureEntry[] {
  const flat = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;
  return Object.entries(flat)
    .map(([path, procedure]) => ({ path, meta: procedure._def.meta }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** A node of the caller proxy: callable at a leaf, indexable on the way there. */
type CallerNode = ((input?: unknown) => Promise<unknown>) & { readonly [segment: string]: CallerNode };

/** Calls the procedure at a dotted path as `user`, the way a client would. */
export function callProcedure(user: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(user) as unknown as CallerNode;
  const procedure = path.split(".").reduce<CallerNode>((node, segment) => node[segment] as CallerNode, caller);
  return procedure(input);
}

/* ---------- assessments ---------- */

/** A small framework for assessment tests: two areas, five elements, the five stages. */
export const TEST_FRAMEWORK_CONTENT: FrameworkContent = {
  stages: [1, 2, 3, 4, 5].map((number) => ({ number, name: `Stage ${number}`, description: `Description of stage ${number}` })),
  areas: [
    {
      key: "A",
      name: "Structure and leadership",
      elements: [
        { key: "A.mission", name: "Mission and goals", description: "Shared mission and measurable goals." },
        { key: "A.mou", name: "Memoranda of understanding", description: "Signed MOUs between partners." },
        { key: "A.protocols", name: "Operational protocols", description: "Written protocols in use." },
      ],
    },
    {
      key: "B",
      name: "Identification and services",
      elements: [
        { key: "B.identification", name: "Identification", description: "Identification across all forms of trafficking." },
        { key: "B.services", name: "Services", description: "Comprehensive services through referrals." },
      ],
    },
  ],
};
export const TEST_ELEMENT_KEYS = TEST_FRAMEWORK_CONTENT.areas.flatMap((area) => area.elements.map((element) => element.key));

/** A framework of its own (unique key) with one version of `content`; returns both ids. */
export async function createFramework(content: FrameworkContent = TEST_FRAMEWORK_CONTENT): Promise<{ frameworkId: string; versionId: string }> {
  const db = await getDb();
  const framework = await insertFramework(db, { key: `test-${unique()}`, name: `Test framework ${unique()}` });
  if (!framework) throw new Error("framework insert returned nothing");
  const version = await insertNextFrameworkVersion(db, { frameworkId: framework.id, content, wordingNote: "test", createdByUserId: null });
  return { frameworkId: framework.id, versionId: version.id };
}

/** Makes the task force use `frameworkId` for its new rounds. */
export async function setTaskForceFramework(taskForce: Pick<TestTaskForce, "id">, frameworkId: string): Promise<void> {
  const db = await getDb();
  await db.update(taskForces).set({ frameworkId }).where(eq(taskForces.id, taskForce.id));
}

/**
 * A calendar date `days` from today in the task force's time zone (the factories' default zone
 * unless given), as YYYY-MM-DD. Never UTC's date: from midnight to 06:00 UTC it is still
 * yesterday in Chicago, and a "past" date built from UTC would be the task force's today.
 */
export function dateFromToday(days: number, timeZone: string = DEFAULT_TIME_ZONE, now: Date = currentTime()): string {
  return addDays(todayIn(timeZone, now), days);
}

/** A task force with a coordinator that assesses on the small test framework. */
export async function createAssessingTaskForce(options: { name?: string; coordinatorName?: string } = {}) {
  const created = await createTaskForceWithCoordinator(options);
  const framework = await createFramework();
  await setTaskForceFramework(created.taskForce, framework.frameworkId);
  return { ...created, framework };
}

/** A round created (and, unless `open: false`, opened) by `coordinator` through the API. */
export async function createAssessmentRound(
  taskForce: Pick<TestTaskForce, "slug">,
  coordinator: SessionUser,
  options: { title?: string; audience?: "all" | "chosen"; userIds?: string[]; opensOn?: string; closesOn?: string; open?: boolean } = {},
): Promise<{ id: string; title: string }> {
  const title = options.title ?? `Round ${unique()}`;
  const caller = callerFor(coordinator);
  const { id } = await caller.assessment.create({
    taskForceSlug: taskForce.slug,
    title,
    opensOn: options.opensOn ?? dateFromToday(-1),
    closesOn: options.closesOn ?? dateFromToday(30),
    audience: options.audience ?? "all",
    userIds: options.userIds ?? [],
  });
  if (options.open !== false) await caller.assessment.open({ taskForceSlug: taskForce.slug, roundId: id });
  return { id, title };
}

/** One answer in a test: a stage, "dk" (don't know) or "na" (not applicable). */
export type TestAnswer = number | "dk" | "na";

/** Saves `answers` (element key → answer) as `user` and, unless `submit: false`, submits. */
export async function respond(
  user: SessionUser,
  taskForce: Pick<TestTaskForce, "slug">,
  roundId: string,
  answers: Record<string, TestAnswer>,
  options: { submit?: boolean } = {},
): Promise<void> {
  const caller = callerFor(user);
  for (const [elementKey, answer] of Object.entries(answers)) {
    await caller.assessment.saveDraft({
      taskForceSlug: taskForce.slug,
      roundId,
      elementKey,
      ...(typeof answer === "number"
        ? { answer: "stage" as const, stage: answer }
        : { answer: answer === "dk" ? ("dont_know" as const) : ("not_applicable" as const) }),
    });
  }
  if (options.submit !== false) await caller.assessment.submit({ taskForceSlug: taskForce.slug, roundId });
}

/** The same answer for every element of the test framework, with exceptions. */
export function answersForAll(answer: TestAnswer, exceptions: Record<string, TestAnswer> = {}): Record<string, TestAnswer> {
  return { ...Object.fromEntries(TEST_ELEMENT_KEYS.map((key) => [key, answer])), ...exceptions };
}

/* ---------- gaps and action items ---------- */

/** A gap created by `coordinator` through the API (element A.mou, no owner, no due date unless given). */
export async function createGapFor(
  taskForce: Pick<TestTaskForce, "slug">,
  coordinator: SessionUser,
  options: {
    elementKey?: string;
    title?: string;
    ownerOrganizationId?: string | null;
    ownerUserId?: string | null;
    dueOn?: string | null;
    targetStage?: number | null;
    sourceRoundId?: string | null;
  } = {},
): Promise<{ id: string; version: number }> {
  return callerFor(coordinator).gap.create({
    taskForceSlug: taskForce.slug,
    elementKey: options.elementKey ?? "A.mou",
    title: options.title ?? `Gap ${unique()}`,
    ownerOrganizationId: options.ownerOrganizationId ?? null,
    ownerUserId: options.ownerUserId ?? null,
    dueOn: options.dueOn ?? null,
    targetStage: options.targetStage ?? null,
    sourceRoundId: options.sourceRoundId ?? null,
  });
}

/* ---------- grants ---------- */

/**
 * An ECM award created through `caller` that began 400 days ago and runs 700 more (semiannual
 * reports), so that periods have ended and the current one has begun; with that current period.
 */
export async function createRunningAward(
  taskForce: Pick<TestTaskForce, "slug">,
  caller: ReturnType<typeof callerFor>,
  options: { awardNumber?: string; amount?: number } = {},
): Promise<{ grantId: string; currentPeriod: { start: string; end: string } }> {
  const dates = { periodStart: dateFromToday(-400), periodEnd: dateFromToday(700) };
  const { id } = await caller.grant.create({
    taskForceSlug: taskForce.slug,
    funderName: "Test Funder",
    program: "ECM",
    awardNumber: options.awardNumber ?? `AW-${unique()}`,
    amount: options.amount ?? 1000,
    matchTarget: null,
    ...dates,
  });
  const today = dateFromToday(0);
  const currentPeriod = reportingPeriods({ ...dates, reportingCadence: "semiannual" }).find((period) => period.start <= today && period.end >= today)!;
  return { grantId: id, currentPeriod };
}

/** An action item created by `coordinator` through the API. */
export async function createActionItemFor(
  taskForce: Pick<TestTaskForce, "slug">,
  coordinator: SessionUser,
  options: { gapId?: string | null; title?: string; assigneeUserId?: string | null; assigneeOrganizationId?: string | null; dueOn?: string | null } = {},
): Promise<{ id: string; version: number }> {
  return callerFor(coordinator).actionItem.create({
    taskForceSlug: taskForce.slug,
    gapId: options.gapId ?? null,
    title: options.title ?? `Action ${unique()}`,
    assigneeUserId: options.assigneeUserId ?? null,
    assigneeOrganizationId: options.assigneeOrganizationId ?? null,
    dueOn: options.dueOn ?? null,
  });
}
