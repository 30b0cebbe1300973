import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import type { SessionUser } from "@/server/trpc/context";
import { countAdministrators, insertAccountEvent } from "@/server/domains/account";
import {
  deleteDemoAccounts,
  deleteDemoFundingPrograms,
  deleteDemoTaskForces,
  findUnflaggedAccounts,
  flagAccountAsDemo,
  flagTaskForcesAsDemo,
  hasDemoData,
  listDemoAccounts,
  listDemoTaskForces,
  setDemoPasswordHash,
} from "./demo.queries";

/** For the banner on every page. */
export async function demoStatus() {
  return { present: await hasDemoData(await getDb()) };
}

/** What "remove the demo data" would remove, for the administration page. */
export async function demoOverview() {
  const db = await getDb();
  const [taskForces, accounts] = await Promise.all([listDemoTaskForces(db), listDemoAccounts(db)]);
  return { taskForces: taskForces.map(({ name, slug }) => ({ name, slug })), accounts: accounts.map(({ email }) => email) };
}

/**
 * Removes the demo task forces (with every record in them), its funding program and the demo
 * accounts, in one transaction. Refused while no administrator of this installation's own exists:
 * the demo's administrator goes too, and nobody could then administer the installation.
 */
export async function removeDemoData(actor: Pick<SessionUser, "id"> | null) {
  return inTransaction(async (tx) => {
    if ((await countAdministrators(tx, { excludeDemo: true })) === 0) throw new DomainError("CONFLICT", "demoNeedsOwnAdministrator");
    await deleteDemoFundingPrograms(tx);
    const taskForces = await deleteDemoTaskForces(tx);
    const accounts = await deleteDemoAccounts(tx);
    if (actor) await insertAccountEvent(tx, { userId: actor.id, actorUserId: actor.id, action: "demoRemoved", details: { taskForces, accounts } });
    return { taskForces, accounts };
  });
}

/**
 * At every start while demo accounts exist: they get this installation's demo password. Accounts
 * seeded by an older version (no is_demo flag yet, still on the password its README published) are
 * flagged and moved to it as well; an account whose password someone changed is left alone.
 * Returns whether any password changed.
 */
export async function applyDemoPassword(
  db: Database,
  password: string,
  legacy: { password: string; emails: readonly string[]; slugs: readonly string[] },
  now = currentTime(),
) {
  const passwordHash = await hashPassword(password);
  const accounts = await listDemoAccounts(db);
  const unflagged = await findUnflaggedAccounts(db, legacy.emails);
  const adopt: string[] = [];
  for (const account of unflagged) {
    if (await verifyPassword(account.passwordHash, legacy.password)) adopt.push(account.id);
  }
  const current = accounts.length > 0 && (await verifyPassword(accounts[0]!.passwordHash, password));
  if (current && adopt.length === 0) return false;
  await db.transaction(async (tx) => {
    for (const id of adopt) await flagAccountAsDemo(tx, id, passwordHash, now);
    if (adopt.length > 0) await flagTaskForcesAsDemo(tx, legacy.slugs);
    if (!current) await setDemoPasswordHash(tx, passwordHash, now);
  });
  return true;
}
