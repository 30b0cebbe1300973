import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadEnvConfig } from "@next/env";
import { ConfigError } from "@/db/config";
import { isDatabaseUnavailable } from "@/server/errors";

/*
 * Helpers shared by the command-line entry points (app.ts, admin.ts). They run under tsx, outside
 * Next.js, and their job is to explain problems in one line to whoever is starting the app.
 */

export const ROOT = process.cwd();

/** Prints one line and stops: the person starting the app needs what to fix, not a stack trace. */
export function stop(message: string, prefix = "Task Force Roadmap cannot start"): never {
  console.error(`${prefix}: ${message}`);
  process.exit(1);
}

/**
 * Loads `.env*` files the way Next.js does (`.env.local`, `.env.production`/`.env.development`,
 * `.env`), never overriding variables that are already set in the environment.
 */
export function loadEnvFiles(dev: boolean): void {
  loadEnvConfig(ROOT, dev, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
}

/**
 * next-auth refuses to run under `next start` without a secret (pitfall 4). On first run we make one
 * and keep it in `.env.local` (git-ignored), so sessions survive restarts without any setup.
 */
export function ensureNextAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET?.trim()) return;
  const secret = randomBytes(48).toString("base64url");
  const file = path.join(ROOT, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = existing && !existing.endsWith("\n") ? "\n" : "";
  appendFileSync(
    file,
    `${separator}# Generated on first start; signs session cookies. Keep it secret, keep it stable.\nNEXTAUTH_SECRET=${secret}\n`,
    { mode: 0o600 },
  );
  process.env.NEXTAUTH_SECRET = secret;
  console.log("Generated NEXTAUTH_SECRET into .env.local (git-ignored).");
}

/**
 * Whether to put the fictional demo into this database: on the embedded database unless
 * SEED_DEMO=0 or NODE_ENV=production; on PostgreSQL only when SEED_DEMO=1 asks for it.
 */
export function shouldSeed(kind: "pglite" | "postgres", env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = env.SEED_DEMO?.trim();
  if (setting === "1") return true;
  return kind === "pglite" && setting !== "0" && env.NODE_ENV !== "production";
}

/**
 * The demo accounts' password for this installation: DEMO_PASSWORD when set (the end-to-end tests
 * set it), else one generated on first need and kept in `.env.local` (git-ignored, mode 0600), so
 * that every start can print it again. Never a password published anywhere.
 */
export function ensureDemoPassword(generate: () => string): string {
  const configured = process.env.DEMO_PASSWORD?.trim();
  if (configured) return configured;
  const password = generate();
  const file = path.join(ROOT, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = existing && !existing.endsWith("\n") ? "\n" : "";
  appendFileSync(file, `${separator}# Generated for this installation's demo accounts; printed at every start while the demo exists.\nDEMO_PASSWORD=${password}\n`, {
    mode: 0o600,
  });
  chmodSync(file, 0o600);
  process.env.DEMO_PASSWORD = password;
  console.log("Generated a demo password into .env.local (git-ignored).");
  return password;
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 5 && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Postgres error codes worth explaining in words, for the connection and start-up phase. */
const POSTGRES_CODES: Record<string, string> = {
  "3D000": "the database named in DATABASE_URL does not exist. Create it (createdb) or fix the name.",
  "28P01": "PostgreSQL rejected the user name or password in DATABASE_URL.",
  "28000": "PostgreSQL refused the connection for this user (check pg_hba.conf and DATABASE_URL).",
  "42501": "the PostgreSQL user in DATABASE_URL lacks the privileges to create the schema.",
  "53300": "PostgreSQL has too many connections open.",
};

/**
 * Turns what can go wrong before the server starts into one sentence. Errors from drizzle arrive
 * wrapped ("Failed query: …" with the driver's error as `cause`), so the whole chain is inspected.
 */
export function explainStartupError(error: unknown): string {
  const chain = errorChain(error);
  const configError = chain.find((link) => link instanceof ConfigError);
  if (configError) return (configError as ConfigError).message;
  // The innermost code is the driver's own (drizzle's wrapper has none; Node may wrap in AggregateError).
  const codes = chain
    .map((link) => {
      const { code, errors } = link as { code?: unknown; errors?: { code?: unknown }[] };
      return typeof code === "string" ? code : errors?.[0]?.code;
    })
    .filter((code): code is string => typeof code === "string");
  const innermost = codes.at(-1);
  if (isDatabaseUnavailable(error)) {
    const host = process.env.DATABASE_URL?.trim() ? "the PostgreSQL server in DATABASE_URL" : "the database";
    return `${host} does not answer${innermost ? ` (${innermost})` : ""}. Check DATABASE_URL and that PostgreSQL is running.`;
  }
  for (const code of codes.reverse()) {
    if (POSTGRES_CODES[code]) return POSTGRES_CODES[code];
  }
  const last = errorChain(error).at(-1);
  const message = last instanceof Error ? last.message : String(last);
  return `${message.split("\n")[0]} (set DEBUG=1 for details)`;
}

/** Same as `stop(explainStartupError(error))`, plus the stack when DEBUG is set. */
export function stopOnError(error: unknown, prefix?: string): never {
  if (process.env.DEBUG) console.error(error);
  stop(explainStartupError(error), prefix);
}
