import { describe, expect, it } from "vitest";
import { callerFor, createAssessmentRound, createFramework, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday, unique } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";

/*
 * Issue 18: a new task force's setup checklist. Every step is ticked from the records a coordinator
 * makes anyway; the checklist leaves the dashboard once all are done, or when a coordinator hides it.
 */

describe("the setup checklist", () => {
  it("ticks each step from the task force's own records, and is gone when all are done", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const caller = callerFor(coordinator);
    const input = { taskForceSlug: taskForce.slug };
    const open = async () => (await caller.dashboard.setupChecklist(input)).steps.filter((step) => !step.done).map((step) => step.step);

    expect(await caller.dashboard.setupChecklist(input)).toMatchObject({ shown: true, complete: false, dismissed: false });
    expect(await open()).toEqual(["framework", "organizations", "leads", "people", "grant", "meeting", "round"]);

    const framework = await createFramework();
    await caller.framework.choose({ ...input, frameworkId: framework.frameworkId });
    const police = await createOrganization(taskForce, { name: "Police (test)", primaryDiscipline: "lawEnforcementLocalState" });
    expect(await open()).toEqual(["organizations", "leads", "people", "grant", "meeting", "round"]);
    const shelter = await createOrganization(taskForce, { name: "Shelter (test)" });
    expect(await open()).toEqual(["leads", "people", "grant", "meeting", "round"]);

    // Both leads are needed; one is not enough.
    const lead = async (organizationId: string, taskForceRole: "lead_law_enforcement" | "lead_victim_services", primaryDiscipline: "lawEnforcementLocalState" | "victimServices") =>
      caller.organization.updateProfile({ ...input, organizationId, primaryDiscipline, jurisdictionLevel: null, taskForceRole });
    await lead(police.id, "lead_law_enforcement", "lawEnforcementLocalState");
    expect(await open()).toContain("leads");
    await lead(shelter.id, "lead_victim_services", "victimServices");
    expect(await open()).toEqual(["people", "grant", "meeting", "round"]);

    // An invitation that is still good counts, before anyone has accepted it.
    await caller.invitation.create({ ...input, email: `staff-${unique()}@example.org`, role: "member", organizationId: shelter.id });
    expect(await open()).toEqual(["grant", "meeting", "round"]);

    await caller.grant.create({
      ...input,
      funderName: "Test funder",
      program: "ECM",
      awardNumber: `TEST-${unique()}`,
      amount: 100_000,
      matchTarget: null,
      periodStart: dateFromToday(-30),
      periodEnd: dateFromToday(1000),
      reportingCadence: "semiannual",
      applyEcmTemplate: false,
    });
    await caller.meeting.create({
      ...input,
      title: "First full meeting",
      type: "full_task_force",
      startsAt: `${dateFromToday(7)}T10:00`,
      endsAt: `${dateFromToday(7)}T11:00`,
      timeZone: taskForce.timeZone,
      location: "",
      carryForward: false,
    });
    expect(await open()).toEqual(["round"]);

    // A draft round is not yet a round anyone answers.
    const draft = await createAssessmentRound(taskForce, coordinator, { open: false });
    expect(await open()).toEqual(["round"]);
    await caller.assessment.open({ ...input, roundId: draft.id });
    expect(await caller.dashboard.setupChecklist(input)).toMatchObject({ shown: false, complete: true });
  });

  it("ignores revoked invitations and funders: member-agency staff are what counts", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const caller = callerFor(coordinator);
    const input = { taskForceSlug: taskForce.slug };
    const peopleDone = async () => (await caller.dashboard.setupChecklist(input)).steps.find((step) => step.step === "people")!.done;
    await createMember(taskForce, "funder");
    const organization = await createOrganization(taskForce);
    const { invitationId } = await caller.invitation.create({ ...input, email: `revoked-${unique()}@example.org`, role: "member", organizationId: organization.id });
    await caller.invitation.revoke({ ...input, invitationId });
    expect(await peopleDone()).toBe(false);
    await createMember(taskForce, "member", { organizationId: organization.id });
    expect(await peopleDone()).toBe(true);
  });

  it("can be hidden by a coordinator, for the whole task force, and only by a coordinator", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const input = { taskForceSlug: taskForce.slug };
    const { user: member } = await createMember(taskForce, "member");
    await trpcErrorOf(callerFor(member).dashboard.hideSetupChecklist(input), "FORBIDDEN");
    await trpcErrorOf(callerFor(member).dashboard.setupChecklist(input), "FORBIDDEN");

    const { user: second } = await createMember(taskForce, "coordinator");
    await callerFor(coordinator).dashboard.hideSetupChecklist(input);
    expect(await callerFor(second).dashboard.setupChecklist(input)).toMatchObject({ shown: false, complete: false, dismissed: true });
    const audit = await callerFor(second).audit.list({ ...input });
    expect(audit.entries.map((entry) => entry.action)).toContain("hideSetupChecklist");
  });
});
