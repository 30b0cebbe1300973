/**
 * `npm run admin -- <command>`: administration from the command line, on whatever database the
 * environment points at (DATABASE_URL, else the embedded one). It never adds demo data.
 *
 *   create-admin --email <email> [--name "<name>"]   create a platform administrator, or make an
 *                                                    existing account one
 *   export-task-force --slug <slug> [--out <file>]    write one task force's archive
 *   import-task-force --file <file> [--slug <slug>]   import an archive as a new task force
 *   backup, restore, move-to-postgres                the instance's data (adminData.ts)
 *   reset-password --email <email>                   set a new password for an account (e.g. the last
 *                                                    administrator's) and end its sessions
 *   remove-demo                                      remove the demo task forces and accounts
 *   help                                             this text
 *
 * The password is asked for on a terminal (not echoed), or read from ADMIN_PASSWORD when there is
 * no terminal (scripts, containers).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, databaseHandle } from "@/db/client";
import { databaseConfigFromEnv } from "@/db/config";
import { hashPassword } from "@/server/auth/password";
import { findUserIdByEmail, insertUser, setAdmin } from "@/server/domains/account";
import { NewPassword } from "@/server/lib/schemas";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { setPasswordFromCommandLine } from "@/server/domains/account/account.service";
import { removeDemoData } from "@/server/domains/demo/demo.service";
import { DomainError } from "@/server/errors";
import { backupCommand, DATA_HELP, DataUsageError, moveToPostgresCommand, restoreCommand } from "./adminData";
import { loadEnvFiles, stop, stopOnError } from "./shared";
import { explainDomainError, exportTaskForceToFile, importTaskForceFromFile } from "./taskForceArchive";

const HELP = `Task Force Roadmap administration

Usage:
  npm run admin -- create-admin --email <email> [--name "<full name>"]
      Creates a platform administrator on the database in DATABASE_URL (or the embedded database
      in PGLITE_DIR when DATABASE_URL is unset). If an account with that email exists, it is made
      an administrator and its password is left unchanged.
      The password (at least 12 characters) is asked for on the terminal, or read from the
      ADMIN_PASSWORD environment variable when there is no terminal.
  npm run admin -- export-task-force --slug <slug> [--out <file>]
      Writes everything of one task force (records, audit log, documents) to one archive file
      (<slug>-<date>.zip in the current folder unless --out names another). The format is described
      in the README ("Moving one task force to another installation").
  npm run admin -- import-task-force --file <file> [--slug <new-slug>]
      Imports an archive as a new task force under --slug (the archive's own when omitted; a slug
      in use is refused). People are matched by email; the others are created without a password
      and listed. A damaged, altered or foreign archive is refused and nothing is written.
${DATA_HELP}  npm run admin -- reset-password --email <email>
      Sets a new password for the account with that email (for instance the last administrator,
      who has nobody to issue them a reset link) and signs it out everywhere. The password is
      asked for on the terminal, or read from ADMIN_PASSWORD when there is no terminal.
  npm run admin -- remove-demo
      Removes the fictional demo task forces (with everything in them) and the demo accounts.
      Refused while the demo's administrator is the only one: create your own first.
  npm run admin -- help
      Shows this text.
`;

/** A mistake in how the command was called: reported in one line, after the database is closed. */
class UsageError extends Error {}
const fail = (message: string): never => {
  throw new UsageError(message);
};

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    let value = "";
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          finish();
          void closeDatabase().finally(() => process.exit(130));
          return;
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail("no terminal to ask for the password on; set ADMIN_PASSWORD instead.");
  const first = await promptHidden("Password (at least 12 characters): ");
  if (!NewPassword.safeParse(first).success) fail("the password must be between 12 and 200 characters.");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) fail("the two passwords differ.");
  return first;
}

async function createAdmin(args: string[]): Promise<void> {
  let values: { email?: string; name?: string } = {};
  try {
    ({ values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(`${(error as Error).message.split("\n")[0]} (see npm run admin -- help).`);
  }
  const email = values.email?.trim().toLowerCase() ?? "";
  if (!email) fail('--email is required, e.g. npm run admin -- create-admin --email you@example.org --name "Your Name".');
  if (!z.email().safeParse(email).success) fail(`"${email}" is not a valid email address.`);
  const name = values.name?.trim() || "Administrator";
  if (name.length > 200) fail("the name must be at most 200 characters.");

  const config = databaseConfigFromEnv();
  const handle = await databaseHandle();
  await handle.migrate();
  await ensureDefaultFramework(handle.db);
  const where = config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${config.dataDir}`;

  try {
    const existingId = await findUserIdByEmail(handle.db, email);
    if (existingId) {
      await setAdmin(handle.db, existingId);
      console.log(`${email} already had an account; it is now a platform administrator (${where}). Its password is unchanged.`);
      return;
    }
    const password = await readPassword();
    if (!NewPassword.safeParse(password).success) fail("the password must be between 12 and 200 characters.");
    const created = await insertUser(handle.db, { email, name, passwordHash: await hashPassword(password), isAdmin: true });
    if (!created) fail(`${email} was created by someone else meanwhile; run the command again to make it an administrator.`);
    console.log(`Created platform administrator ${email} (${name}) in ${where}.`);
  } finally {
    await closeDatabase().catch(() => {});
  }
}

/** Parses `--name value` options; a mistake is one line that points to the help. */
function options<T extends string>(args: string[], names: readonly T[]): Partial<Record<T, string>> {
  try {
    const { values } = parseArgs({ args, options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])), strict: true });
    return values as Partial<Record<T, string>>;
  } catch (error) {
    return fail(`${(error as Error).message.split("\n")[0]} (see npm run admin -- help).`);
  }
}

/** Runs `work` on the migrated database, explaining a refusal (DomainError) in the web form's words. */
async function withDatabase(work: () => Promise<string>): Promise<void> {
  const handle = await databaseHandle();
  await handle.migrate();
  await ensureDefaultFramework(handle.db);
  try {
    console.log(await work());
  } catch (error) {
    if (error instanceof DomainError) fail(explainDomainError(error));
    throw error;
  } finally {
    await closeDatabase().catch(() => {});
  }
}

/** Opens and migrates the configured database; returns where it is, for the messages. */
async function openDatabase(): Promise<string> {
  const config = databaseConfigFromEnv();
  const handle = await databaseHandle();
  await handle.migrate();
  return config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${config.dataDir}`;
}

async function resetPassword(args: string[]): Promise<void> {
  let values: { email?: string } = {};
  try {
    ({ values } = parseArgs({ args, options: { email: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(`${(error as Error).message.split("\n")[0]} (see npm run admin -- help).`);
  }
  const email = values.email?.trim().toLowerCase() ?? "";
  if (!email) fail("--email is required, e.g. npm run admin -- reset-password --email you@example.org.");
  const where = await openDatabase();
  try {
    if (!(await findUserIdByEmail((await databaseHandle()).db, email))) fail(`there is no account for ${email} in ${where}.`);
    const password = await readPassword();
    if (!NewPassword.safeParse(password).success) fail("the password must be between 12 and 200 characters.");
    const account = await setPasswordFromCommandLine(email, password);
    if (!account) fail(`there is no account for ${email} in ${where}.`);
    console.log(`Set a new password for ${email} in ${where}; every session of that account has ended.`);
  } finally {
    await closeDatabase().catch(() => {});
  }
}

async function removeDemo(): Promise<void> {
  await openDatabase();
  try {
    const removed = await removeDemoData(null);
    console.log(`Removed the demo data: ${removed.taskForces} task forces and ${removed.accounts} accounts.`);
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT") {
      fail("the demo's administrator is the only one. Create your own first: npm run admin -- create-admin --email <you>.");
    }
    throw error;
  } finally {
    await closeDatabase().catch(() => {});
  }
}

async function exportTaskForceCommand(args: string[]): Promise<void> {
  const { slug, out } = options(args, ["slug", "out"] as const);
  if (!slug?.trim()) fail("--slug is required, e.g. npm run admin -- export-task-force --slug riverbend --out riverbend.zip.");
  await withDatabase(() => exportTaskForceToFile((slug as string).trim(), out?.trim() || undefined));
}

async function importTaskForceCommand(args: string[]): Promise<void> {
  const { file, slug } = options(args, ["file", "slug"] as const);
  if (!file?.trim()) fail("--file is required, e.g. npm run admin -- import-task-force --file riverbend.zip --slug riverbend.");
  await withDatabase(() => importTaskForceFromFile((file as string).trim(), slug?.trim() || undefined));
}

async function main(): Promise<void> {
  loadEnvFiles(false);
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "create-admin":
      await createAdmin(rest);
      break;
    case "export-task-force":
      await exportTaskForceCommand(rest);
      break;
    case "import-task-force":
      await importTaskForceCommand(rest);
      break;
    case "backup":
      await backupCommand(rest);
      break;
    case "restore":
      await restoreCommand(rest);
      break;
    case "move-to-postgres":
      await moveToPostgresCommand(rest);
      break;
    case "reset-password":
      await resetPassword(rest);
      break;
    case "remove-demo":
      await removeDemo();
      break;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      break;
    default:
      fail(`unknown command "${command}". Run npm run admin -- help.`);
  }
  process.exit(0);
}

main().catch(async (error: unknown) => {
  await closeDatabase().catch(() => {});
  if (error instanceof UsageError || error instanceof DataUsageError) stop(error.message, "admin");
  stopOnError(error, "admin");
});
