import { getDb } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { countRequest } from "./rateLimits.queries";

/**
 * Calls to public procedures (no sign-in: invitation look-up and acceptance, password recovery, and
 * any added later) allowed per client address per window. An invitation page costs one call and
 * accepting one or two more, so even fifty people of one agency joining from one office address
 * (one NAT) within ten minutes stay below the default; scripted token guessing or replaying does
 * not. PUBLIC_REQUESTS_PER_ADDRESS changes it for a deployment with bigger shared addresses.
 */
export const PUBLIC_REQUEST_WINDOW_MINUTES = 10;
export const DEFAULT_PUBLIC_REQUESTS_PER_ADDRESS = 300;

/** checkServerEnv refuses a bad value at start-up, so a bad one here can only come from a test. */
export function publicRequestsPerAddress(env: Partial<Record<string, string>> = process.env): number {
  const configured = env.PUBLIC_REQUESTS_PER_ADDRESS?.trim();
  return configured && /^\d{1,6}$/.test(configured) && Number(configured) >= 1 ? Number(configured) : DEFAULT_PUBLIC_REQUESTS_PER_ADDRESS;
}

/** Requests whose address is unknown share one bucket: under `next start` every request has one. */
const publicKey = (clientAddress: string | null) => `public:address:${clientAddress ?? "unknown"}`;

/**
 * Counts a public call from `clientAddress` and refuses it (RATE_LIMITED) once the address has used
 * up its window. Counted before the input is parsed, so malformed calls count too.
 */
export async function limitPublicRequest(clientAddress: string | null, now = currentTime()): Promise<void> {
  const windowStart = new Date(now.getTime() - PUBLIC_REQUEST_WINDOW_MINUTES * 60_000);
  const count = await countRequest(await getDb(), publicKey(clientAddress), windowStart, now);
  if (count > publicRequestsPerAddress()) {
    throw new DomainError("RATE_LIMITED", "tooManyRequests", { minutes: PUBLIC_REQUEST_WINDOW_MINUTES });
  }
}
