import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { callerFor } from "@/server/testing/factories";
import type { SessionUser } from "@/server/trpc/context";
import { DEMO_TASK_FORCE_SLUG, seedDemo } from "./seed";

async function demoUser(email: string): Promise<SessionUser> {
  const [row] = await (await getDb()).select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row;
}

describe("the demo contributions", () => {
  beforeAll(async () => {
    expect(await seedDemo(await getDb())).toMatchObject({ seeded: true });
  });

  it("has four past quarters with a late, a returned and a missing report, and the last quarter open for two agencies", async () => {
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const overview = await callerFor(await demoUser("coordinator@example.org")).contribution.overview(input);
    const ended = overview.completeness.filter((row) => row.ended && row.submitted > 0);
    expect(ended).toHaveLength(4);
    const [first, second, third, last] = ended;
    expect([first?.submitted, second?.submitted, third?.submitted, last?.submitted]).toEqual([6, 5, 5, 4]);
    expect(third).toMatchObject({ late: 1, returned: 1 });
    expect(last?.organizations?.filter((organization) => organization.status !== "submitted").map((organization) => organization.status).sort()).toEqual(["draft", "missing"]);
    // No period after the current one.
    expect(overview.completeness.at(-1)?.ended).toBe(false);
    expect(overview.valueByType.some((row) => row.inKind > 0 && row.staffTime > 0 && row.consultantTime > 0)).toBe(true);

    const asFunder = await callerFor(await demoUser("funder@example.org")).contribution.overview(input);
    const cells = [
      ...asFunder.victimCounts.services.rows.flatMap((row) => [...row.cells, row.total]),
      ...asFunder.victimCounts.identified.rows.flatMap((row) => row.cells),
    ];
    expect(cells.some((cell) => cell.suppressed)).toBe(true);
  });
});
