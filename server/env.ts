import { z } from "zod";
import { ConfigError, databaseConfigFromEnv } from "@/db/config";
import { jobsConfigFromEnv } from "@/server/domains/jobs/jobs.config";

const SECRET_HELP = "NEXTAUTH_SECRET must be at least 32 characters (run `npm start` once to generate one into .env.local).";

const SMALL_CELL_HELP = "SMALL_CELL_THRESHOLD must be a whole number from 1 to 999 (counts from 1 to it are suppressed for funders).";
export const DEFAULT_SMALL_CELL_THRESHOLD = 10;

const ServerEnv = z.object({
  // The same sentence when it is missing: zod's own "expected string, received undefined" names no variable.
  NEXTAUTH_SECRET: z.string({ error: SECRET_HELP }).min(32, SECRET_HELP),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the public URL of the app, such as https://roadmap.example.org").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://…).")
    .optional(),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as 'Task Force Roadmap <no-reply@example.org>'.").optional(),
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
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value?.trim() ? value.trim() : undefined]),
  );
  const parsed = ServerEnv.safeParse(blankToUndefined);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? "Invalid environment.");
  return parsed.data;
}

/** The address people use to reach the app, for links in invitations. */
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
