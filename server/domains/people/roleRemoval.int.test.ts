import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { callerFor, createMember, createTaskForceWithCoordinator, unique } from "@/server/testing/factories";
import { sessionRefusal } from "@/server/auth/sessionPolicy";

/** Whether a session of `userId` that began at `authTime` is still accepted now. */
async function sessionOf(userId: string, authTime: number) {
  const [row] = await (await getDb()).select({ sessionsValidAfter: users.sessionsValidAfter }).from(users).where(eq(users.id, userId));
  const now = Date.now();
  return sessionRefusal({ authTime, lastSeen: now }, row ?? null, now) ?? "valid";
}

describe("taking a role away", () => {
  it("ends the person's sessions when their membership ends", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user, membership } = await createMember(taskForce, "viewer");
    // Signed in after the accounts were made, a moment before the membership ends.
    const signedIn = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: membership.id });
    expect(await sessionOf(user.id, signedIn)).toBe("revoked");
    expect(await sessionOf(coordinator.id, signedIn)).toBe("valid");
  });

  it("ends the person's sessions when their role changes", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user, membership } = await createMember(taskForce, "funder");
    const signedIn = Date.now() - 1000;
    await callerFor(coordinator).people.update({ taskForceSlug: taskForce.slug, membershipId: membership.id, role: "viewer" });
    expect(await sessionOf(user.id, signedIn)).toBe("revoked");
  });

  it("withdraws the pending invitations of a coordinator who is removed, and only theirs", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: second, membership: secondMembership } = await createMember(taskForce, "coordinator");
    const byFirst = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: `a-${unique()}@example.org`, role: "viewer" });
    const bySecond = await callerFor(second).invitation.create({ taskForceSlug: taskForce.slug, email: `b-${unique()}@example.org`, role: "viewer" });
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: secondMembership.id });

    const rows = await (await getDb()).select({ id: invitations.id, revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.taskForceId, taskForce.id));
    const revoked = (id: string) => rows.find((row) => row.id === id)?.revokedAt !== null;
    expect(revoked(bySecond.invitationId)).toBe(true);
    expect(revoked(byFirst.invitationId)).toBe(false);
    // The link of the withdrawn invitation no longer works.
    const token = bySecond.link?.split("/invite/")[1] ?? "";
    expect(await callerFor(null).invitation.lookup({ token })).toEqual({ status: "revoked" });
  });
});
