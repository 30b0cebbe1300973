import { getDb } from "@/db/client";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { countRequest } from "./rateLimits.queries";

/**
 * Calls to public procedures (no sign-in: invitation look-up and acceptance, and any added later)
 * allowed per client address per window. An invitation page costs one call and accepting one or
 * two more, so a whole agency joining from one office address stays far below it; guessing tokens
 * or replaying acceptances does not.
 */
export const PUBLIC_REQUEST_LIMIT = { windowMinutes: 10, perAddress: 60 } as const;

/** Requests whose address is unknown share one bucket: under `next start` every request has one. */
const publicKey = (clientAddress: string | null) => `public:address:${clientAddress ?? "unknown"}`;

/**
 * Counts a public call from `clientAddress` and refuses it (RATE_LIMITED) once the address has used
 * up its window. Counted before the input is parsed, so malformed calls count too.
 */
export async function limitPublicRequest(clientAddress: string | null, now = currentTime()): Promise<void> {
  const windowStart = new Date(now.getTime() - PUBLIC_REQUEST_LIMIT.windowMinutes * 60_000);
  const count = await countRequest(await getDb(), publicKey(clientAddress), windowStart, now);
  if (count > PUBLIC_REQUEST_LIMIT.perAddress) {
    throw new DomainError("RATE_LIMITED", "tooManyRequests", { minutes: PUBLIC_REQUEST_LIMIT.windowMinutes });
  }
}
