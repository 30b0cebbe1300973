import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Shown } from "@/server/domains/privacy/suppression";
import { callerFor } from "@/server/testing/factories";
import type { SessionUser } from "@/server/trpc/context";
import { DEMO_TASK_FORCE_SLUG, seedDemo } from "./seed";

async function demoUser(email: string): Promise<SessionUser> {
  const [row] = await (await getDb()).select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row;
}

/** A table cell's number; undefined when it is suppressed or absent. */
const valueOf = (shown: Shown | undefined) => (shown && !shown.suppressed ? shown.value : undefined);

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

  it("adds up in the overview what each period's table shows, for the coordinator and for a member", async () => {
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    for (const email of ["coordinator@example.org", "advocate@example.org"]) {
      const caller = callerFor(await demoUser(email));
      const overview = await caller.contribution.overview(input);
      for (const [index, period] of overview.periods.entries()) {
        const table = await caller.contribution.period({ ...input, period });
        const all = table.rows.find((row) => row.kind === "all")!;
        expect(overview.valueByType[index]).toEqual({ period, staffTime: valueOf(all.cells.staffTimeValue), consultantTime: valueOf(all.cells.consultantTimeValue), inKind: valueOf(all.cells.inKindValue) });
        expect(overview.victimCounts.identified.rows.map((row) => row.cells[index])).toEqual([all.cells.potentialVictimsIdentified, all.cells.confirmedVictimsIdentified]);
        expect(overview.victimCounts.referrals.rows.map((row) => row.cells[index])).toEqual([all.cells.referralsMade, all.cells.referralsReceived]);
        expect(overview.victimCounts.services.columnTotals?.[index]).toEqual(all.cells["services.total"]);
        // Each organization's (or group's) value in the chart is its row's total value in the table.
        for (const group of overview.valueByOrganization ?? []) {
          const row = table.rows.find((candidate) => (group.key === "own" ? candidate.kind === "organization" : group.key === "others" ? candidate.kind === "others" : candidate.organizationId === group.key));
          expect(group.values[index]?.total).toBe(valueOf(row?.cells.totalValue) ?? 0);
        }
      }
    }
  });

  it("gives the dashboard's summary the overview's own figures, for every role that reads contributions", async () => {
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    for (const email of ["coordinator@example.org", "advocate@example.org", "viewer@example.org", "funder@example.org"]) {
      const caller = callerFor(await demoUser(email));
      const [overview, summary] = await Promise.all([caller.contribution.overview(input), caller.contribution.summary(input)]);
      expect(summary.current).toEqual(overview.valueByType.at(-1));
      const lastEnded = [...overview.completeness].reverse().find((row) => row.ended)!;
      const { period, expected, submitted, onTime, late, returned, drafts, missing, reportingRate, onTimeRate } = lastEnded;
      expect(summary.lastEnded).toEqual({ period, expected, submitted, onTime, late, returned, drafts, missing, reportingRate, onTimeRate });
      expect(summary.updatedAt).toEqual(overview.updatedAt);
      // Money and counts only: nothing victim-related, no organization named.
      expect(Object.keys(summary).sort()).toEqual(["current", "lastEnded", "today", "updatedAt"]);
    }
  });
});
