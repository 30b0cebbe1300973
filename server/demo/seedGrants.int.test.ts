import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { callerFor } from "@/server/testing/factories";
import { DEMO_TASK_FORCE_SLUG, seedDemo } from "./seed";
import { DEMO_AWARD_NUMBER } from "./seedGrants";

async function demoUser(email: string) {
  const [row] = await (await getDb()).select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row;
}

describe("the demo grant", () => {
  beforeAll(async () => {
    expect(await seedDemo(await getDb())).toMatchObject({ seeded: true });
  });

  it("is an ECM award with a mix of statuses, evidence on the demo's rounds and gaps, and one override", async () => {
    const caller = callerFor(await demoUser("coordinator@example.org"));
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const { grants } = await caller.grant.list(input);
    expect(grants.map((grant) => grant.awardNumber)).toEqual([DEMO_AWARD_NUMBER]);
    const detail = await caller.grant.get({ ...input, grantId: grants[0]!.id });
    expect(detail.grant).toMatchObject({ periodStart: "2025-10-01", periodEnd: "2028-09-30" });
    expect(detail.requirements).toHaveLength(16);
    const statuses = new Set(detail.requirements.map((requirement) => requirement.effectiveStatus));
    expect([...statuses].sort()).toEqual(["in_progress", "met", "not_started"]);
    expect(detail.requirements.filter((requirement) => requirement.overrideStatus)).toMatchObject([{ templateKey: "core-partners", effectiveStatus: "in_progress" }]);
    const kinds = new Set(detail.requirements.flatMap((requirement) => requirement.evidence.map((item) => item.kind)));
    expect([...kinds].sort()).toEqual(["assessment_round", "gap", "url"]);
    expect(detail.requirements.flatMap((requirement) => requirement.evidence).every((item) => !item.missing)).toBe(true);
    // The leads' MOU is signed and current; the survivor council, a third lead, need not have signed it.
    expect(detail.requirements.find((requirement) => requirement.templateKey === "lead-mou")).toMatchObject({
      effectiveStatus: "met",
      computed: { explanation: { key: "leadMouCurrent", values: { title: "Lead agencies MOU: Sheriff and Safe Harbor (demo)" } } },
    });
  });

  it("has a past for the award page's progress over time: requirements met since the award began", async () => {
    const caller = callerFor(await demoUser("coordinator@example.org"));
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const { grants } = await caller.grant.list(input);
    const history = await caller.grant.requirementHistory({ ...input, grantId: grants[0]!.id });
    // The award's first period ended with nothing met yet; some requirements are met by now.
    expect(history.points[0]).toMatchObject({ date: "2025-12-31", kind: "periodEnd", progress: { total: 16, met: 0 } });
    expect(history.summary).toMatchObject({ since: "2025-12-31", metThen: 0, applicable: 16, single: false });
    expect(history.summary?.metNow).toBeGreaterThan(0);
    // The demo's history is complete as seeded: nothing was reconstructed.
    expect(history.reconstructedOn).toBeNull();
    const overridden = await caller.grant.requirementsAsOf({ ...input, grantId: grants[0]!.id, date: history.today });
    expect(overridden.requirements.find((requirement) => requirement.title.startsWith("Core partners"))).toMatchObject({
      status: "in_progress",
      source: "override",
      changedByName: expect.stringContaining("(demo)"),
    });
  });

  it("is in the demo funder's portfolio, alone", async () => {
    const portfolio = await callerFor(await demoUser("funder@example.org")).funder.portfolio();
    expect(portfolio.map((row) => row.slug)).toEqual([DEMO_TASK_FORCE_SLUG]);
    expect(portfolio[0]?.areas.length).toBeGreaterThan(0);
  });
});
