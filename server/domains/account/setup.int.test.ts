import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { callerFor, unique } from "@/server/testing/factories";
import { authenticate } from "@/server/domains/auth/auth.service";
import { completeSetup, issueSetupLinkIfNoAdministrator, SETUP_LINK_HOURS } from "./account.service";

/* One database for this file, which starts without any administrator, as a fresh production install does. */

const tokenOf = (link: string) => link.split("/setup/")[1] ?? "";
const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe("the first administrator's setup link", () => {
  it("expires", async () => {
    const issuedAt = new Date();
    const issued = await issueSetupLinkIfNoAdministrator(await getDb(), issuedAt);
    const later = new Date(issuedAt.getTime() + (SETUP_LINK_HOURS * 60 + 1) * 60_000);
    const input = { token: tokenOf(issued!.link), email: `late-${unique()}@example.org`, name: "Late", password: "a long enough passphrase" };
    await expect(completeSetup(input, "2001:db8:2::1", later)).rejects.toMatchObject({ messageKey: "setupLink_expired" });
  });

  it("is printed while there is no administrator, works once, stores only a hash, and is not printed again", async () => {
    const db = await getDb();
    const first = await issueSetupLinkIfNoAdministrator(db);
    const issued = await issueSetupLinkIfNoAdministrator(db);
    expect(issued?.link).toMatch(/\/setup\/[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(issued!.link);
    const hashes = await db.select({ tokenHash: accountTokens.tokenHash }).from(accountTokens).where(eq(accountTokens.purpose, "setup"));
    expect(hashes.some((row) => row.tokenHash.includes(token))).toBe(false);

    const anonymous = callerFor(null, { clientAddress: "2001:db8:2::2" });
    // A newer link replaces the older one.
    expect(await anonymous.account.setupLink({ token: tokenOf(first!.link) })).toEqual({ status: "expired" });
    expect(await anonymous.account.setupLink({ token })).toEqual({ status: "valid" });
    const email = `first-admin-${unique()}@example.org`;
    expect(await anonymous.account.completeSetup({ token, email, name: "First Admin", password: "the first admin passphrase" })).toEqual({ email });
    expect((await authenticate(email, "the first admin passphrase", "2001:db8:2::3")).isAdmin).toBe(true);

    expect(await codeOf(anonymous.account.completeSetup({ token, email: `again-${unique()}@example.org`, name: "Again", password: "another passphrase here" }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await issueSetupLinkIfNoAdministrator(db)).toBeNull();
  });
});
