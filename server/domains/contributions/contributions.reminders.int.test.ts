import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { createMember, createOrganization, createTaskForceWithCoordinator, scopeFor, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { runReminders } from "@/server/domains/jobs/reminders.service";
import { addDays } from "@/server/lib/dates";
import { insertStatusHistory } from "@/server/domains/organizations/organizations.queries";
import { listReportingOrganizations, listReportingOrganizationsOfPeriods } from "./contributions.queries";
import { submitReport } from "./contributions.service";
import { dueOnOf, parsePeriod } from "./periods";

/*
 * The nightly job (`npm run jobs -- reminders`) with the unsubmitted-contributions source, on a
 * fixed calendar so the test does not depend on today's date: the task force reports quarterly with
 * the default 30 days to submit, so 2026-Q3 (July–September) is due on 2026-10-30.
 */
const PERIOD = parsePeriod("2026-Q3")!;
const DUE_ON = dueOnOf(PERIOD, 30);
/** Noon in Chicago on a date, so the task force's local date is that date. */
const noonOn = (date: string) => new Date(`${date}T17:00:00Z`);

async function notificationsOf(user: TestUser) {
  return (await getDb())
    .select({ kind: notifications.kind, values: notifications.values, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(notifications.createdAt);
}

describe("contributions in the reminders job", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let lateStaff: TestUser;
  let leftStaff: TestUser;
  let joinedStaff: TestUser;
  let submitterStaff: TestUser;
  const organizationIds: Record<string, string> = {};

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const db = await getDb();
    const organization = async (name: string, history: { status: "prospective" | "active" | "inactive" | "withdrawn"; effectiveOn: string }[]) => {
      const created = await createOrganization(taskForce, { name });
      for (const entry of history) await insertStatusHistory(db, { taskForceId: taskForce.id, organizationId: created.id, ...entry });
      organizationIds[name] = created.id;
      return created;
    };
    // Active all along; withdrew during the quarter (still owes it); joined after it; withdrew before it.
    const late = await organization("Harbor Police", [{ status: "active", effectiveOn: "2025-01-10" }]);
    const left = await organization("County Legal Aid", [
      { status: "active", effectiveOn: "2025-02-01" },
      { status: "withdrawn", effectiveOn: "2026-08-15" },
    ]);
    const joined = await organization("Valley Shelter", [
      { status: "prospective", effectiveOn: "2026-08-01" },
      { status: "active", effectiveOn: "2026-10-05" },
    ]);
    const gone = await organization("Old Outreach", [
      { status: "active", effectiveOn: "2024-05-01" },
      { status: "withdrawn", effectiveOn: "2026-06-20" },
    ]);
    const submitter = await organization("Metro Labor Office", [{ status: "active", effectiveOn: "2026-07-15" }]);
    ({ user: lateStaff } = await createMember(taskForce, "member", { organizationId: late.id }));
    ({ user: leftStaff } = await createMember(taskForce, "member", { organizationId: left.id }));
    ({ user: joinedStaff } = await createMember(taskForce, "member", { organizationId: joined.id }));
    await createMember(taskForce, "member", { organizationId: gone.id });
    const { user: submitterUser, membership } = await createMember(taskForce, "member", { organizationId: submitter.id });
    submitterStaff = submitterUser;
    await submitReport(
      scopeFor(taskForce, membership),
      { period: PERIOD.key, organizationId: submitter.id, version: null, values: { staffHours: 4 }, peopleTrained: {}, services: {}, inKind: [] },
      noonOn(addDays(DUE_ON, -10)),
    );
  });

  it("expects a report only from organizations active during the period", async () => {
    const expected = await listReportingOrganizations(await getDb(), [taskForce.id], PERIOD);
    expect(expected.map((row) => row.name)).toEqual(["County Legal Aid", "Harbor Police", "Metro Labor Office"]);
    // The next quarter: the shelter has joined, legal aid has left.
    const next = await listReportingOrganizations(await getDb(), [taskForce.id], parsePeriod("2026-Q4")!);
    expect(next.map((row) => row.name)).toEqual(["Harbor Police", "Metro Labor Office", "Valley Shelter"]);
  });

  it("answers for several periods at once what it answers for each alone", async () => {
    const periods = [PERIOD, parsePeriod("2026-Q4")!];
    const rows = await listReportingOrganizationsOfPeriods(await getDb(), [taskForce.id], periods);
    const namesIn = (key: string) => rows.filter((row) => row.periodKey === key).map((row) => row.name);
    expect(namesIn(PERIOD.key)).toEqual(["County Legal Aid", "Harbor Police", "Metro Labor Office"]);
    expect(namesIn("2026-Q4")).toEqual(["Harbor Police", "Metro Labor Office", "Valley Shelter"]);
    expect(await listReportingOrganizationsOfPeriods(await getDb(), [taskForce.id], [])).toEqual([]);
  });

  it("reminds once a week before the due date and once after it, and a second run sends nothing", async () => {
    expect((await runReminders(noonOn(addDays(DUE_ON, -8)))).notified).toBe(0);

    const soon = await runReminders(noonOn(addDays(DUE_ON, -7)));
    expect(soon).toMatchObject({ notified: 2, dueSoon: 2, overdue: 0 });
    const link = `/tf/${taskForce.slug}/contributions/${PERIOD.key}`;
    expect(await notificationsOf(lateStaff)).toEqual([{ kind: "contributionsDueSoon", values: { period: PERIOD.key, dueOn: DUE_ON }, link }]);
    expect((await notificationsOf(leftStaff)).map((row) => row.kind)).toEqual(["contributionsDueSoon"]);
    expect(await notificationsOf(joinedStaff)).toEqual([]);
    expect(await notificationsOf(submitterStaff)).toEqual([]);
    expect(await notificationsOf(coordinator)).toEqual([]);
    expect((await runReminders(noonOn(addDays(DUE_ON, -3)))).notified).toBe(0);

    const overdue = await runReminders(noonOn(addDays(DUE_ON, 1)));
    expect(overdue).toMatchObject({ notified: 2, dueSoon: 0, overdue: 2 });
    expect((await runReminders(noonOn(addDays(DUE_ON, 1)))).notified).toBe(0);
    expect((await runReminders(noonOn(addDays(DUE_ON, 5)))).notified).toBe(0);
    expect((await notificationsOf(lateStaff)).map((row) => row.kind)).toEqual(["contributionsDueSoon", "contributionsOverdue"]);
  });
});
