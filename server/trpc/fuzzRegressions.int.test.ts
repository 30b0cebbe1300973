import { beforeAll, describe, expect, it } from "vitest";
import messages from "@/app/i18n/messages/en.json";
import { callerFor, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";

/*
 * Bugs the fuzz suite (fuzz.int.test.ts) found, each pinned by the input that showed it, so that
 * they stay fixed whatever seed the suite runs with.
 */

describe("inputs the fuzz suite found mishandled", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
  });

  it.each(["0001-Q1", "0099-12", "0100-Q1"])("contribution.export of period %s is a field error, not a 500 (dates of years below 100)", async (period) => {
    const error = await trpcErrorOf(callerFor(coordinator).contribution.export({ taskForceSlug: taskForce.slug, period, format: "csv" }), "BAD_REQUEST");
    expect(fieldErrorsOf(error)).toEqual({ period: [{ key: "periodFormat" }] });
  });

  it("meeting.recordAttendance names a missing person or organization with a message the catalog holds", async () => {
    const error = await trpcErrorOf(
      callerFor(coordinator).meeting.recordAttendance({
        taskForceSlug: taskForce.slug,
        meetingId: crypto.randomUUID(),
        entries: [{ userId: null, organizationId: null, status: "present" }],
      }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error)).toEqual({ "entries.0.userId": [{ key: "personOrOrganizationRequired" }] });
    // The form shows the catalog's sentence, not the generic "invalid" it fell back to before.
    expect(messages.validation).toHaveProperty("personOrOrganizationRequired");
  });
});
