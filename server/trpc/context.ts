import type { TaskForceRole } from "@/server/auth/permissions";

/** The signed-in person as the server knows them, loaded from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export interface Context {
  user: SessionUser | null;
  /** Best-effort client address, used only for rate limiting. */
  clientAddress: string | null;
}

declare const scopeBrand: unique symbol;

/**
 * Proof that `userId` holds an active membership with `role` in `taskForceId`. Only the
 * taskForceProcedure (and the test factories) create one, so a service that takes a scope cannot
 * be called with a task force its caller does not belong to.
 */
export interface TaskForceScope {
  readonly taskForceId: string;
  readonly taskForceSlug: string;
  readonly userId: string;
  readonly role: TaskForceRole;
  readonly organizationId: string | null;
  readonly [scopeBrand]: true;
}

export function createTaskForceScope(fields: Omit<TaskForceScope, typeof scopeBrand>): TaskForceScope {
  return fields as TaskForceScope;
}
