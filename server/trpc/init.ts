import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Permission } from "@/server/auth/permissions";
import { DomainError, isDatabaseUnavailable, type DomainErrorCode } from "@/server/errors";
import type { Context } from "./context";
import { limitPublicRequest } from "@/server/domains/rateLimits/rateLimits.service";
import { explainError, type ErrorParts } from "./errorText";
import { fieldErrorsFromZod } from "./fieldErrors";
import { resolveFunderScope, resolveTaskForceScope } from "./scope";

/** Who may call a procedure. The role × procedure matrix test reads this from every procedure. */
export type ProcedureMeta =
  | { access: "public" }
  | { access: "authed" }
  | { access: "admin" }
  /** Someone who funds at least one task force (by membership or a funding program). */
  | { access: "funder" }
  | { access: "taskForce"; permission: Permission };

/** The one place where domain error codes become tRPC (and so HTTP) codes. */
const TRPC_CODE_OF: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  GONE: "PRECONDITION_FAILED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

function errorParts(error: TRPCError): ErrorParts {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return {
      messageKey: cause.messageKey,
      values: cause.values,
      fieldErrors: cause.field ? { [cause.field]: [{ key: cause.messageKey, values: cause.values }] } : {},
    };
  }
  if (cause instanceof ZodError) {
    return { messageKey: "invalidInput", values: {}, fieldErrors: fieldErrorsFromZod(cause) };
  }
  const generic: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
    UNAUTHORIZED: "signInRequired",
    FORBIDDEN: "forbidden",
    NOT_FOUND: "notFound",
    SERVICE_UNAVAILABLE: "unavailable",
    TOO_MANY_REQUESTS: "rateLimited",
  };
  return { messageKey: generic[error.code] ?? "internal", values: {}, fieldErrors: {} };
}

/**
 * The time zone of the task force a refusal came from, by its cause, so that an instant in its
 * message ("changed by someone else at 9:14 AM") reads at the task force's time of day.
 */
const refusalTimeZones = new WeakMap<Error, string>();

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const data = explainError(errorParts(error), ctx?.locale, cause ? refusalTimeZones.get(cause) : undefined);
      // Internal errors keep their details in the server log; the browser gets a catalog key only.
      const message = error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : shape.message;
      return { ...shape, message, data: { ...shape.data, stack: undefined, ...data } };
    },
  });

export const createRouter = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Turns errors thrown by services into the right tRPC code, in one place for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: TRPC_CODE_OF[cause.code], message: cause.message, cause });
    }
    if (isDatabaseUnavailable(cause)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Database unavailable", cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(result.error.cause ?? result.error);
  }
  return result;
});

const baseProcedure = t.procedure.use(mapDomainErrors);

/**
 * Anyone may call it, signed in or not: each call counts against the caller's address
 * (PUBLIC_REQUESTS_PER_ADDRESS). For procedures that take a token or credential or send mail.
 */
export const publicProcedure = baseProcedure.meta({ access: "public" }).use(async ({ ctx, next }) => {
  await limitPublicRequest(ctx.clientAddress);
  return next();
});

/**
 * Anyone may call it, and it is not counted: a read of the installation's own state that takes no
 * input, reveals nothing of an account and costs one small query (is this a demo, can reset mail
 * be sent). Pages read these on every view; counted, the page views of one office behind one
 * address would use up the allowance that its invitations and password resets need.
 */
export const publicStatusProcedure = baseProcedure.meta({ access: "public" });

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in required" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const authedProcedure = baseProcedure.meta({ access: "authed" }).use(requireUser);

export const adminProcedure = baseProcedure
  .meta({ access: "admin" })
  .use(requireUser)
  .use(({ ctx, next }) => {
    if (!ctx.user?.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only" });
    return next();
  });

/**
 * A procedure on the task forces the caller funds, read from their access (memberships and funding
 * programs) into a FunderScope (never taken from the input). Someone who funds nothing gets an empty scope, not a refusal: the
 * portfolio is then simply empty.
 */
export const funderProcedure = authedProcedure.use(async ({ ctx, next }) => next({ ctx: { ...ctx, funder: await resolveFunderScope(ctx.user, ctx.locale) } }));

/**
 * A procedure on the task forces the caller funds that only a funder may call: the same FunderScope,
 * but someone who funds nothing — a coordinator, member or viewer elsewhere — is refused
 * (FORBIDDEN) rather than handed an empty result, since there is nothing of theirs to export or sum up.
 */
export const fundersOnlyProcedure = baseProcedure
  .meta({ access: "funder" })
  .use(requireUser)
  .use(async ({ ctx, next }) => {
    const funder = await resolveFunderScope(ctx.user, ctx.locale);
    if (funder.taskForces.length === 0) throw new TRPCError({ code: "FORBIDDEN", message: "Funders only" });
    return next({ ctx: { ...ctx, funder } });
  });

/** Lower-case words of letters and digits joined by single hyphens: readable, stable URLs. */
export const TASK_FORCE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const taskForceSlugSchema = z.string().trim().min(1).max(64).regex(TASK_FORCE_SLUG_PATTERN);

/**
 * A procedure on one task force's data. The caller's access (a membership, or a funding program of
 * theirs that covers it) is read from the database for the task force named in the input; someone
 * without is told the task force does not exist, and a role without `permission` is refused before
 * the procedure's own input is even parsed.
 */
export function taskForceProcedure(permission: Permission) {
  return baseProcedure
    .meta({ access: "taskForce", permission })
    .use(requireUser)
    .input(z.object({ taskForceSlug: taskForceSlugSchema }))
    .use(async ({ ctx, input, next, type }) => {
      // A change may alter the caller's own access (a role, a departure): it reads it afresh, and
      // so does every call after it in the same request.
      if (type !== "query") ctx.taskForceAccess?.clear();
      const resolved = await resolveTaskForceScope(ctx.user, input.taskForceSlug, permission, type === "query" ? ctx.taskForceAccess : undefined, ctx.locale);
      if ("refused" in resolved) {
        throw resolved.refused === "NOT_FOUND"
          ? new TRPCError({ code: "NOT_FOUND", message: "Task force not found" })
          : new TRPCError({ code: "FORBIDDEN", message: `Missing permission ${permission}` });
      }
      const result = await next({ ctx: { ...ctx, scope: resolved.scope } });
      if (!result.ok && result.error.cause) refusalTimeZones.set(result.error.cause, resolved.scope.timeZone);
      return result;
    });
}
