import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator } from "@/server/testing/factories";
import { recordAudit } from "./audit.service";

/*
 * The audit log names the people, organizations and meetings its changes refer to by id, and only
 * those of the task force: an id of another task force's person or organization in an entry (which no service
 * writes, but which must not become a way to read names across task forces) stays an id.
 */
describe("the audit log's names", () => {
  it("names the task force's own people, organizations and meetings, and nobody else's", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Named Task Force" });
    const shelter = await createOrganization(taskForce, { name: "Harbor Shelter" });
    const { user: member } = await createMember(taskForce, "member", { name: "Mae Member", organizationId: shelter.id });
    const other = await createTaskForceWithCoordinator({ name: "Other Task Force", coordinatorName: "Otto Other" });
    const otherClinic = await createOrganization(other.taskForce, { name: "Other Clinic" });
    const meeting = { taskForceSlug: "", title: "", type: "full_task_force", startsAt: "2026-10-01T10:00", endsAt: "2026-10-01T11:00", timeZone: "America/Chicago" } as const;
    const ownMeeting = await callerFor(coordinator).meeting.create({ ...meeting, taskForceSlug: taskForce.slug, title: "October meeting" });
    const otherMeeting = await callerFor(other.coordinator).meeting.create({ ...meeting, taskForceSlug: other.taskForce.slug, title: "Other meeting" });

    await recordAudit(await getDb(), { taskForceId: taskForce.id, actorUserId: coordinator.id }, {
      entity: "gap",
      entityId: crypto.randomUUID(),
      action: "update",
      changes: {
        ownerUserId: { from: other.coordinator.id, to: member.id },
        ownerOrganizationId: { from: otherClinic.id, to: shelter.id },
        partyOrganizationIds: { from: [], to: [shelter.id, otherClinic.id] },
        meetingId: { from: otherMeeting.id, to: ownMeeting.id },
        // Not a reference field: a value that looks like an id is not looked up.
        title: { from: null, to: other.coordinator.id },
      },
    });

    const { entries, names } = await callerFor(coordinator).audit.list({ taskForceSlug: taskForce.slug, limit: 1 });
    expect(entries[0]?.entity).toBe("gap");
    expect(names).toEqual({ [member.id]: "Mae Member", [shelter.id]: "Harbor Shelter", [ownMeeting.id]: "October meeting" });
  });
});
