import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { callerFor } from "@/server/testing/factories";
import type { SessionUser } from "@/server/trpc/context";
import { DEMO_FUNDING_PROGRAM, DEMO_LOGINS, DEMO_TASK_FORCE_SLUG, seedDemo } from "./seed";

async function demoUser(email: string): Promise<SessionUser> {
  const [row] = await (await getDb())
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin })
    .from(users)
    .where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row;
}

describe("the demo seed", () => {
  beforeAll(async () => {
    expect(await seedDemo(await getDb())).toMatchObject({ seeded: true });
  });

  it("does nothing the second time", async () => {
    expect(await seedDemo(await getDb())).toMatchObject({ seeded: false });
  });

  it("puts the demo task force into a funding program of the demo funder, whose invitation still gives their access", async () => {
    const admin = callerFor(await demoUser("admin@example.org"));
    const [program] = (await admin.admin.fundingProgram.list()).filter((one) => one.name === DEMO_FUNDING_PROGRAM.name);
    expect(program?.funders.map((funder) => funder.email)).toEqual(["funder@example.org"]);
    expect(program?.taskForces.map((taskForce) => taskForce.slug)).toEqual([DEMO_TASK_FORCE_SLUG]);
    // A membership wins over a program: the portfolio is as it was, by invitation.
    const portfolio = await callerFor(await demoUser("funder@example.org")).funder.portfolio();
    expect(portfolio.map((row) => [row.slug, row.programs])).toEqual([[DEMO_TASK_FORCE_SLUG, []]]);
    const coordinator = callerFor(await demoUser("coordinator@example.org"));
    const [listed] = (await coordinator.fundingProgram.list({ taskForceSlug: DEMO_TASK_FORCE_SLUG })).filter((one) => one.id === program?.id);
    expect(listed?.funders).toEqual(["Frankie Funder (demo)"]);
    expect(listed?.coveredSince).toBeInstanceOf(Date);
  });

  it("lists every demo account with a role", () => {
    const riverbend = DEMO_LOGINS.filter((login) => login.taskForce === DEMO_TASK_FORCE_SLUG).map((login) => login.email);
    expect(riverbend).toEqual(expect.arrayContaining(["coordinator@example.org", "deputy@example.org", "nurse@example.org"]));
  });

  it("has two closed rounds, six months apart, that show consensus, disagreement and movement", async () => {
    const caller = callerFor(await demoUser("coordinator@example.org"));
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const rounds = await caller.assessment.list(input);
    expect(rounds.map((round) => [round.title, round.status, round.submittedCount])).toEqual([
      ["Autumn 2026 self-assessment (demo)", "closed", 6],
      ["Spring 2026 self-assessment (demo)", "closed", 5],
    ]);
    const [autumn, spring] = rounds;
    if (!autumn || !spring) throw new Error("rounds missing");

    const consensus = await caller.assessment.consensus({ ...input, roundId: autumn.id });
    const elements = consensus.areas.flatMap((area) => area.elements);
    expect(elements.length).toBeGreaterThan(10);
    expect(elements.some((element) => element.stats?.disagreement)).toBe(true);
    expect(elements.some((element) => (element.stats?.dontKnowCount ?? 0) > 0)).toBe(true);
    expect(elements.filter((element) => element.result.source === "agreed")).toHaveLength(3);
    expect(elements.filter((element) => element.target !== null)).toHaveLength(consensus.areas.length);
    expect(new Set(elements.flatMap((element) => element.byDiscipline.map((group) => group.discipline))).size).toBeGreaterThanOrEqual(4);

    const compared = await caller.assessment.compare({ ...input, roundA: spring.id, roundB: autumn.id });
    expect(compared.movementCounts.down).toBe(1);
    expect(compared.movementCounts.unchanged).toBeGreaterThan(0);
    expect(compared.movementCounts.up).toBeGreaterThan(compared.movementCounts.unchanged * 2);
    expect(compared.movementCounts.notComparable).toBe(0);
    const same = await caller.assessment.compare({ ...input, roundA: spring.id, roundB: autumn.id, sameRespondentsOnly: true });
    expect(same.respondentsInBoth).toBe(5);

    const trend = await caller.assessment.trend(input);
    expect(trend.rounds.map((round) => round.id)).toEqual([spring.id, autumn.id]);
    for (const area of trend.areas) expect(area.points.every((point) => point.mean !== null)).toBe(true);
  });

  it("shows a member their own ratings only and a funder none", async () => {
    const [autumn] = await callerFor(await demoUser("coordinator@example.org")).assessment.list({ taskForceSlug: DEMO_TASK_FORCE_SLUG });
    const roundInput = { taskForceSlug: DEMO_TASK_FORCE_SLUG, roundId: autumn?.id ?? "" };
    const member = await demoUser("member@example.org");
    const asMember = await callerFor(member).assessment.consensus(roundInput);
    const memberRatings = asMember.areas.flatMap((area) => area.elements.flatMap((element) => element.ratings));
    expect(memberRatings.length).toBeGreaterThan(0);
    expect(memberRatings.every((rating) => rating.respondentUserId === member.id)).toBe(true);
    const asFunder = await callerFor(await demoUser("funder@example.org")).assessment.consensus(roundInput);
    expect(asFunder.areas.flatMap((area) => area.elements.flatMap((element) => element.ratings))).toEqual([]);
  });

  it("has gaps from the autumn round with action plans, some overdue and some due within the week", async () => {
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const coordinator = callerFor(await demoUser("coordinator@example.org"));
    const [autumn] = await coordinator.assessment.list(input);
    const { gaps } = await coordinator.gap.list(input);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(gaps.every((gap) => gap.sourceRoundId === autumn?.id)).toBe(true);
    expect(new Set(gaps.map((gap) => gap.status))).toEqual(new Set(["open", "in_progress", "blocked", "resolved"]));
    expect(gaps.find((gap) => gap.status === "blocked")?.statusReason).toBeTruthy();
    expect(new Set(gaps.map((gap) => gap.ownerOrganizationId)).size).toBe(gaps.length);
    expect(gaps.map((gap) => gap.dueState)).toEqual(expect.arrayContaining(["overdue", "dueSoon"]));

    const { actionItems } = await coordinator.actionItem.list(input);
    expect(actionItems.length).toBeGreaterThanOrEqual(4);
    expect(actionItems.some((item) => item.status === "done")).toBe(true);
    expect(actionItems.some((item) => item.gapId === null)).toBe(true);

    const mine = await callerFor(await demoUser("member@example.org")).actionItem.mine({ includeDone: false });
    expect(mine.actionItems.map((item) => item.dueState)).toEqual(expect.arrayContaining(["overdue", "dueSoon"]));
  });
});
