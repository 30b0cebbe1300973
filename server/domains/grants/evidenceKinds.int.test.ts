import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { insertContributionReport, insertDocument, insertMeeting, insertMou, insertProtocol } from "./records.fixtures";

const AWARD = { funderName: "Test Funder", program: "ECM", amount: 100_000, periodStart: "2026-01-01", periodEnd: "2028-12-31", awardNumber: "EV-1" };
const Q1 = { period: "2026-Q1", periodStart: "2026-01-01", periodEnd: "2026-03-31" };

describe("evidence of meetings, MOUs, protocols, documents and contribution reports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let member: TestUser;
  let other: { taskForce: TestTaskForce; coordinator: TestUser };
  let requirementId: string;
  let grantId: string;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: member } = await createMember(taskForce, "member"));
    other = await createTaskForceWithCoordinator();
    ({ id: grantId } = await callerFor(coordinator).grant.create({ taskForceSlug: slug(), ...AWARD }));
    const detail = await callerFor(coordinator).grant.get({ taskForceSlug: slug(), grantId });
    requirementId = detail.requirements.find((requirement) => requirement.templateKey === "training")!.id;
  });

  it("offers each kind in the picker, links records of the task force, labels them and points at their pages", async () => {
    const caller = callerFor(coordinator);
    const agency = await createOrganization(taskForce, { name: "Riverside Shelter" });
    const meeting = await insertMeeting(taskForce, { title: "Cross-training", type: "training", startsAt: new Date("2026-02-10T15:00:00Z"), status: "held" });
    const mou = await insertMou(taskForce, { title: "Lead agencies MOU", status: "draft" });
    const protocol = await insertProtocol(taskForce, { title: "", topic: "data_collection" });
    const document = await insertDocument(taskForce, "training-agenda.pdf");
    const report = await insertContributionReport(taskForce, agency.id, Q1, { trainingsDelivered: 2 });
    await insertContributionReport(taskForce, (await createOrganization(taskForce)).id, Q1, { trainingsDelivered: 1 }, "draft");

    const detail = await caller.grant.get({ taskForceSlug: slug(), grantId });
    expect(detail.evidenceKinds).toEqual(expect.arrayContaining(["meeting", "mou", "protocol", "document", "contribution"]));
    const options = async (kind: string) => (await caller.grant.evidenceOptions({ taskForceSlug: slug(), kind })).map((record) => record.label);
    expect(await options("meeting")).toEqual(["Cross-training (2026-02-10)"]);
    expect(await options("protocol")).toEqual(["data collection"]);
    // Drafts are not evidence of anything yet: only submitted reports are offered.
    expect(await options("contribution")).toEqual(["Riverside Shelter — 2026-Q1"]);

    const links = [
      ["meeting", meeting.id, `/tf/${slug()}/meetings/${meeting.id}`],
      ["mou", mou.id, `/tf/${slug()}/members/mous#mou-${mou.id}`],
      ["protocol", protocol.id, `/tf/${slug()}/members/protocols`],
      ["document", document.id, `/api/tf/${slug()}/documents/${document.id}`],
      ["contribution", report.id, `/tf/${slug()}/contributions/2026-Q1`],
    ] as const;
    for (const [kind, recordId] of links) await caller.grant.addEvidence({ taskForceSlug: slug(), requirementId, kind, recordId });
    const requirement = (await caller.grant.get({ taskForceSlug: slug(), grantId })).requirements.find((candidate) => candidate.id === requirementId)!;
    expect(requirement.evidence.map((item) => [item.kind, item.recordId, item.href])).toEqual(links);
    expect(requirement.evidence.map((item) => item.recordLabel)).toEqual([
      "Cross-training (2026-02-10)",
      "Lead agencies MOU",
      "data collection",
      "training-agenda.pdf",
      "Riverside Shelter — 2026-Q1",
    ]);
    // Members (grant.readInternal) see every link; funders none of these unshared records.
    expect((await callerFor(member).grant.get({ taskForceSlug: slug(), grantId })).requirements.find((item) => item.id === requirementId)!.evidence).toHaveLength(5);
    expect((await callerFor(funder).grant.get({ taskForceSlug: slug(), grantId })).requirements.find((item) => item.id === requirementId)!.evidence).toEqual([]);
  });

  it("refuses records of another task force and records that do not exist, for every new kind", async () => {
    const caller = callerFor(coordinator);
    const foreignAgency = await createOrganization(other.taskForce);
    const foreign = {
      meeting: (await insertMeeting(other.taskForce, { title: "Their meeting", startsAt: new Date("2026-03-01T15:00:00Z") })).id,
      mou: (await insertMou(other.taskForce, { title: "Their MOU", sharedWithFunders: true })).id,
      protocol: (await insertProtocol(other.taskForce, { sharedWithFunders: true })).id,
      document: (await insertDocument(other.taskForce, "theirs.pdf")).id,
      contribution: (await insertContributionReport(other.taskForce, foreignAgency.id, Q1, { trainingsDelivered: 1 })).id,
    };
    for (const [kind, recordId] of Object.entries(foreign)) {
      const refused = await trpcErrorOf(caller.grant.addEvidence({ taskForceSlug: slug(), requirementId, kind, recordId }), "BAD_REQUEST");
      expect(domainErrorOf(refused)).toMatchObject({ messageKey: "evidenceRecordNotFound", field: "recordId" });
      const missing = await trpcErrorOf(caller.grant.addEvidence({ taskForceSlug: slug(), requirementId, kind, recordId: crypto.randomUUID() }), "BAD_REQUEST");
      expect(domainErrorOf(missing).messageKey).toBe("evidenceRecordNotFound");
      expect((await caller.grant.evidenceOptions({ taskForceSlug: slug(), kind })).map((record) => record.id)).not.toContain(recordId);
    }
  });

  it("shows funders evidence of the records shared with them: shared MOUs, protocols and their documents, shared approved minutes", async () => {
    const caller = callerFor(coordinator);
    const { id: requirement } = await caller.grant.addRequirement({ taskForceSlug: slug(), grantId, title: "Shared proof" });
    const sharedDocument = await insertDocument(taskForce, "signed-mou.pdf");
    const internalDocument = await insertDocument(taskForce, "internal-notes.pdf");
    const records = {
      sharedMou: ["mou", (await insertMou(taskForce, { title: "Shared MOU", status: "signed", signedOn: "2026-01-05", sharedWithFunders: true, documentId: sharedDocument.id })).id],
      internalMou: ["mou", (await insertMou(taskForce, { title: "Internal MOU", documentId: internalDocument.id })).id],
      sharedProtocol: ["protocol", (await insertProtocol(taskForce, { title: "Shared protocol", status: "adopted", adoptedOn: "2026-01-10", sharedWithFunders: true })).id],
      sharedDocument: ["document", sharedDocument.id],
      internalDocument: ["document", internalDocument.id],
      sharedMinutes: [
        "meeting",
        (await insertMeeting(taskForce, { title: "Shared minutes", startsAt: new Date("2026-04-01T15:00:00Z"), status: "held", minutesStatus: "approved", minutesApprovedAt: new Date("2026-04-03T12:00:00Z"), minutesSharedWithFunders: true })).id,
      ],
      draftMinutes: ["meeting", (await insertMeeting(taskForce, { title: "Draft minutes", startsAt: new Date("2026-04-02T15:00:00Z"), status: "held" })).id],
    } as const;
    for (const [kind, recordId] of Object.values(records)) await caller.grant.addEvidence({ taskForceSlug: slug(), requirementId: requirement, kind, recordId });
    const seenByFunder = (await callerFor(funder).grant.get({ taskForceSlug: slug(), grantId })).requirements.find((item) => item.id === requirement)!.evidence;
    expect(seenByFunder.map((item) => item.recordLabel)).toEqual(["Shared MOU", "Shared protocol", "signed-mou.pdf", "Shared minutes (2026-04-01)"]);
  });
});
