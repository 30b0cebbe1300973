import { z } from "zod";
import { ConfigError, databaseConfigFromEnv } from "@/db/config";
import { jobsConfigFromEnv } from "@/server/domains/jobs/jobs.config";
import { parseTrustedProxies, TrustedProxiesError } from "@/server/http/clientAddress";

const SECRET_HELP = "NEXTAUTH_SECRET must be at least 32 characters (run `npm start` once to generate one into .env.local).";

const SMALL_CELL_HELP = "SMALL_CELL_THRESHOLD must be a whole number from 1 to 999 (counts from 1 to it are suppressed for funders).";
export const DEFAULT_SMALL_CELL_THRESHOLD = 10;

const PUBLIC_REQUESTS_HELP =
  "PUBLIC_REQUESTS_PER_ADDRESS must be a whole number from 1 to 999999 (calls without sign-in allowed per client address in 10 minutes).";

const PROCESSES_HELP = "SERVER_PROCESSES must be a whole number from 1 to 64 (server processes sharing the port; more than 1 needs DATABASE_URL).";

/** How many server processes `npm start` runs on one port (server/cli/serve.ts). */
export function serverProcessesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SERVER_PROCESSES?.trim();
  if (!raw) return 1;
  const processes = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(processes >= 1 && processes <= 64)) throw new ConfigError(PROCESSES_HELP);
  // One process owns an embedded database folder (db/folderLock.ts); a second would be refused.
  if (processes > 1 && databaseConfigFromEnv(env).kind === "pglite") {
    throw new ConfigError("SERVER_PROCESSES above 1 needs PostgreSQL (DATABASE_URL): only one process may open the embedded database.");
  }
  return processes;
}

const ServerEnv = z.object({
  // The same sentence when it is missing: zod's own "expected string, received undefined" names no variable.
  NEXTAUTH_SECRET: z.string({ error: SECRET_HELP }).min(32, SECRET_HELP),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the public URL of the app, such as https://roadmap.example.org").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://…).")
    .optional(),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as 'Task Force Roadmap <no-reply@example.org>'.").optional(),
  SESSION_MAX_HOURS: z
    .stringFormat("hours", /^\d{1,3}(\.\d+)?$/, "SESSION_MAX_HOURS must be a number of hours from 1 to 720 (the absolute session lifetime).")
    .refine((value) => Number(value) >= 1 && Number(value) <= 720, "SESSION_MAX_HOURS must be a number of hours from 1 to 720 (the absolute session lifetime).")
    .optional(),
  SESSION_IDLE_MINUTES: z
    .stringFormat("minutes", /^\d{1,5}$/, "SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 43200 (sign-out after inactivity).")
    .refine((value) => Number(value) >= 5 && Number(value) <= 43200, "SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 43200 (sign-out after inactivity).")
    .optional(),
  TRUSTED_TLS_PROXY: z.enum(["0", "1"], "TRUSTED_TLS_PROXY must be 1 (a TLS-terminating proxy serves the app over https) or 0.").optional(),
  PUBLIC_REQUESTS_PER_ADDRESS: z
    .stringFormat("wholeNumber", /^\d{1,6}$/, PUBLIC_REQUESTS_HELP)
    .refine((value) => Number(value) >= 1, PUBLIC_REQUESTS_HELP)
    .optional(),
  SMALL_CELL_THRESHOLD: z.stringFormat("wholeNumber", /^\d{1,3}$/, SMALL_CELL_HELP).refine((value) => Number(value) >= 1, SMALL_CELL_HELP).optional(),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/**
 * Checks the environment once at start-up and explains the first problem in one sentence, so that
 * whoever deploys the app sees what to change instead of a stack trace from deep inside it.
 */
export function checkServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  databaseConfigFromEnv(env);
  jobsConfigFromEnv(env);
  serverProcessesFromEnv(env);
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value?.trim() ? value.trim() : undefined]),
  );
  const parsed = ServerEnv.safeParse(blankToUndefined);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? "Invalid environment.");
  try {
    parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    if (error instanceof TrustedProxiesError) throw new ConfigError(error.message);
    throw error;
  }
  assertPublicUrlInProduction(env);
  return parsed.data;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * In production the app needs its public address: links in emails are built from NEXTAUTH_URL,
 * never from a request's Host header (server/lib/publicUrl.ts). And session cookies must not travel
 * in clear text: NEXTAUTH_URL must be https, unless TRUSTED_TLS_PROXY=1 says a TLS-terminating
 * proxy sits in front, or the address is this machine's own (http://localhost, used by
 * `npm run app` and the tests, never reachable from elsewhere).
 */
function assertPublicUrlInProduction(env: NodeJS.ProcessEnv) {
  if (env.NODE_ENV !== "production") return;
  const configured = env.NEXTAUTH_URL?.trim();
  if (!configured) {
    throw new ConfigError(
      "NEXTAUTH_URL must be set in production to the address people use to reach the app, such as https://roadmap.example.org: " +
        "links in invitation, password-reset and calendar emails are built from it, never from a request's Host header, which a client can forge.",
    );
  }
  if (env.TRUSTED_TLS_PROXY?.trim() === "1") return;
  const url = new URL(configured);
  if (url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname)) return;
  throw new ConfigError(
    `NEXTAUTH_URL is ${configured}, but in production it must be an https:// address (session cookies would travel unencrypted). ` +
      "If a TLS-terminating proxy serves the app over https, set TRUSTED_TLS_PROXY=1.",
  );
}

/**
 * The configured address of the app (NEXTAUTH_URL, else this machine's port), for links written
 * outside a request (jobs, the command line); a request's links come from publicBaseUrl.
 */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  return (configured || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/**
 * Victim-related counts from 1 to this number are suppressed in funder views and exports
 * (../shared/domain/privacy.md); one value per deployment. checkServerEnv refuses a bad value at
 * start-up, so here a bad one can only come from a test and falls back to the default.
 */
export function smallCellThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.SMALL_CELL_THRESHOLD?.trim();
  return configured && /^\d{1,3}$/.test(configured) && Number(configured) >= 1 ? Number(configured) : DEFAULT_SMALL_CELL_THRESHOLD;
}
