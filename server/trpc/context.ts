import type { Locale } from "@/server/lib/translate";
import type { TaskForceRole } from "@/server/auth/permissions";
import { dateInZone } from "@/server/lib/dates";

/** The signed-in person as the server knows them, loaded from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** The language the person chose (their account keeps it), absent until they choose one. */
  locale?: Locale | null;
}

export interface Context {
  user: SessionUser | null;
  /** Best-effort client address, used only for rate limiting. */
  clientAddress: string | null;
  /** The address links written for this request start with (server/lib/publicUrl.ts). */
  baseUrl: string;
  /** The language of the request (the person's choice, the device's, the browser's): files written for the caller use it. English when absent. */
  locale?: Locale;
  /**
   * The caller's access to task forces already read in this request (by task force slug), for the
   * reads a page or a tRPC batch makes together: a dashboard's dozen prefetched procedures read it
   * once, not twelve times. Only request contexts have one (server/trpc/requestContext.ts); a
   * context without one reads the access for every call.
   */
  taskForceAccess?: AccessCache;
}

/** What resolveTaskForceScope remembers per request: the access lookup by task force slug. */
export type AccessCache = Map<string, Promise<TaskForceAccess | null>>;

/**
 * A person's access to one task force as the scope is built from it (server/domains/access): their
 * active membership, or a funding program of theirs that covers the task force.
 */
export interface TaskForceAccess {
  taskForceId: string;
  role: TaskForceRole;
  organizationId: string | null;
  taskForceName: string;
  timeZone: string;
  /** The funding programs that give the access; empty when a membership does. */
  programs: string[];
}

declare const scopeBrand: unique symbol;

/**
 * Proof that `userId` reaches `taskForceId` with `role`: an active membership, or a funding program
 * of theirs that covers it (server/domains/access). Only the taskForceProcedure (and the test
 * factories) create one, so a service that takes a scope cannot be called with a task force its
 * caller does not belong to.
 */
export interface TaskForceScope {
  readonly taskForceId: string;
  readonly taskForceSlug: string;
  readonly userId: string;
  readonly role: TaskForceRole;
  readonly organizationId: string | null;
  /** Read with the membership, once per request, so that services need not look them up again. */
  readonly taskForceName: string;
  /** The task force's calendar: its "today" and every date it keeps are in this zone. */
  readonly timeZone: string;
  /** The caller's language (the request's): what a service writes for them, a file or a filed report, is in it. English when absent. */
  readonly locale?: Locale;
  readonly [scopeBrand]: true;
}

export function createTaskForceScope(fields: Omit<TaskForceScope, typeof scopeBrand>): TaskForceScope {
  return fields as TaskForceScope;
}

declare const funderScopeBrand: unique symbol;

/** A task force the caller funds, as the portfolio shows it. */
export interface FundedTaskForce {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly timeZone: string;
  /** The funding programs through which the funder reaches it; empty when they are invited to it as a funder. */
  readonly programs: readonly string[];
}

/**
 * Proof of the task forces `userId` funds (those where their role is a portfolio role, by membership
 * or through a funding program: server/domains/access), read once per call by the funderProcedure,
 * which alone creates one. A type apart from TaskForceScope on purpose: the funder's reads span several task forces and only these, so funder
 * code cannot be handed one task force's scope, nor a task force's service a portfolio.
 */
export interface FunderScope {
  readonly userId: string;
  /** By name; empty for someone who funds nothing. */
  readonly taskForces: readonly FundedTaskForce[];
  /** The caller's language, for what is written for them (the roadmap's names, exported files). */
  readonly locale?: Locale;
  readonly [funderScopeBrand]: true;
}

export function createFunderScope(fields: Omit<FunderScope, typeof funderScopeBrand>): FunderScope {
  return fields as FunderScope;
}

/** The task force's date (YYYY-MM-DD) at `now`, in its own time zone: never UTC's date. */
export function todayOfScope(scope: TaskForceScope, now: Date): string {
  return dateInZone(now, scope.timeZone);
}
