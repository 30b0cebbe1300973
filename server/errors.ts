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

/** True when the database could not be reached, as opposed to a query that failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "CONNECTION_CLOSED", "CONNECTION_ENDED", "57P03"].includes(code)
  );
}
