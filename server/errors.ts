/**
 * Errors that domain code raises. Each carries a code (what kind of failure, mapped to a tRPC/HTTP
 * status in one place: server/trpc/init.ts) and a message key into the `errors` message catalog, so
 * that the person sees a sentence in their own language rather than an English string from the server.
 */
export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID",
  "RATE_LIMITED",
  "GONE",
  "UNAVAILABLE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type MessageValues = Record<string, string | number>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Key under `errors` in the message catalogs. */
    readonly messageKey: string,
    readonly values: MessageValues = {},
    /** Optional field this error belongs to, so a form can show it next to the input. */
    readonly field?: string,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
  }
}

/** Network and driver codes (Node, postgres.js) that mean the server could not be reached. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * SQLSTATEs for a server that is there but will not serve us now: class 08 (connection exception),
 * 53300 (too many connections), 57P01–57P03 (shutting down, crashed, starting up).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53300|57P0[123])$/;

/**
 * True when the database could not be reached, as opposed to a query that failed. Drizzle wraps
 * driver errors (DrizzleQueryError, "Failed query: …") and Node reports a failed dual-stack connect
 * as an AggregateError, so the code is looked for along the `cause` chain and in `errors`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return hasUnavailableCode(error, 0);
}

function hasUnavailableCode(error: unknown, depth: number): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (Array.isArray(errors) && errors.some((inner) => hasUnavailableCode(inner, depth + 1))) return true;
  return hasUnavailableCode(cause, depth + 1);
}
