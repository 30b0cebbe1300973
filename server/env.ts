import { z } from "zod";
import { ConfigError, databaseConfigFromEnv } from "@/db/config";

const SECRET_HELP = "NEXTAUTH_SECRET must be at least 32 characters (run `npm start` once to generate one into .env.local).";

const ServerEnv = z.object({
  // The same sentence when it is missing: zod's own "expected string, received undefined" names no variable.
  NEXTAUTH_SECRET: z.string({ error: SECRET_HELP }).min(32, SECRET_HELP),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the public URL of the app, such as https://roadmap.example.org").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://…).")
    .optional(),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as 'Task Force Roadmap <no-reply@example.org>'.").optional(),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/**
 * Checks the environment once at start-up and explains the first problem in one sentence, so that
 * whoever deploys the app sees what to change instead of a stack trace from deep inside it.
 */
export function checkServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  databaseConfigFromEnv(env);
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
