import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { callerFor } from "@/server/testing/factories";
import { DEMO_TASK_FORCE_SLUG, seedDemo } from "./seed";

async function demoCaller(email: string) {
  const [row] = await (await getDb()).select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return callerFor(row);
}

describe("the demo meeting records", () => {
  const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
  beforeAll(async () => {
    expect(await seedDemo(await getDb())).toMatchObject({ seeded: true });
  });

  it("has committees, held meetings with approved minutes, and one upcoming meeting", async () => {
    const coordinator = await demoCaller("coordinator@example.org");
    const { committees } = await coordinator.committee.list(input);
    expect(committees).toHaveLength(4);
    expect(committees.find((committee) => committee.name.startsWith("Victim services"))?.chairUserName).toBe("Avery Advocate (demo)");
    const { meetings } = await coordinator.meeting.list(input);
    expect(meetings.filter((meeting) => meeting.status === "held" && meeting.minutesStatus === "approved")).toHaveLength(6);
    expect(meetings.filter((meeting) => meeting.status === "scheduled")).toHaveLength(1);

    const stats = await coordinator.meeting.stats(input);
    expect(stats.coverage).toHaveLength(4);
    expect(stats.attendanceByOrganization.length).toBeGreaterThanOrEqual(5);
    expect(stats.meetingsPerQuarter.map((row) => row.quarter)).toEqual(["2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  it("shows the prosecution gap in the coverage alert and leaves open actions for the next meeting", async () => {
    const coordinator = await demoCaller("coordinator@example.org");
    expect((await coordinator.meeting.recentFullMeetings(input)).absent).toEqual(["prosecution"]);
    const october = (await coordinator.meeting.list(input)).meetings.find((meeting) => meeting.title.startsWith("October"))!;
    const detail = await coordinator.meeting.get({ ...input, meetingId: october.id });
    expect(detail.decisions).toHaveLength(1);
    expect(detail.actionItems.filter((item) => item.status !== "done")).toHaveLength(2);
    expect(detail.agenda.some((item) => item.carriedActionItemId !== null)).toBe(true);
  });

  it("shares only September's minutes with the funder", async () => {
    const funder = await demoCaller("funder@example.org");
    const { meetings } = await funder.meeting.list(input);
    expect(meetings.map((meeting) => meeting.title)).toEqual(["September full task-force meeting (demo)"]);
  });
});
