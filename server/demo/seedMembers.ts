import { createHash } from "node:crypto";
import type { Database } from "@/server/lib/unitOfWork";
import type { AuditChanges, AuditEntity } from "@/db/schema";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { insertDocument } from "@/server/domains/documents/documents.queries";
import { addDays, dateInZone } from "@/server/lib/dates";
import { insertMou, replaceMouPeople, setMouDocument } from "@/server/domains/mous/mous.queries";
import { insertContact, insertStatusHistory, updateOrganizationRow } from "@/server/domains/organizations/organizations.queries";
import type { Discipline } from "@/server/domains/organizations/disciplines";
import { insertProtocol, setProtocolDocument } from "@/server/domains/protocols/protocols.queries";

/*
 * The member directory of the Riverbend demo: profiles, dated status history, staff contacts
 * (example.org), three MOUs (one between the two leads expiring within about 60 days of the seed
 * date, one expired, one current), protocols on several IACP topics and a tiny fictional PDF.
 * Dates are relative to the day of seeding, so the renewal warning shows whenever the demo is made.
 */

type OrganizationKey = "sheriff" | "shelter" | "prosecutor" | "labour" | "clinic" | "survivors";

const PROFILES: Record<
  OrganizationKey,
  {
    additionalDisciplines: Discipline[];
    jurisdictionLevel: "local" | "state" | "tribal" | "federal" | "non_governmental";
    region: string;
    address: string;
    website: string;
    taskForceRole: "lead_law_enforcement" | "lead_victim_services" | "co_lead" | "member" | "affiliate";
    joined: number;
    contact: { name: string; title: string; email: string; phone: string };
  }
> = {
  sheriff: {
    additionalDisciplines: [],
    jurisdictionLevel: "local",
    region: "Riverbend County",
    address: "100 Courthouse Square, Riverbend (demo)",
    website: "https://sheriff.riverbend.example.org",
    taskForceRole: "lead_law_enforcement",
    joined: -900,
    contact: { name: "Lt. Robin Rivera (demo)", title: "Task force liaison", email: "liaison.sheriff@example.org", phone: "+1 555 0100" },
  },
  shelter: {
    additionalDisciplines: ["legalServices"],
    jurisdictionLevel: "non_governmental",
    region: "Riverbend County",
    address: "PO Box 12, Riverbend (demo)",
    website: "https://safeharbor.example.org",
    taskForceRole: "lead_victim_services",
    joined: -900,
    contact: { name: "Sam Okafor (demo)", title: "Programme director", email: "director.safeharbor@example.org", phone: "+1 555 0101" },
  },
  prosecutor: {
    additionalDisciplines: [],
    jurisdictionLevel: "local",
    region: "Riverbend County",
    address: "200 Justice Way, Riverbend (demo)",
    website: "https://prosecutor.riverbend.example.org",
    taskForceRole: "member",
    joined: -700,
    contact: { name: "Jordan Lee (demo)", title: "Assistant prosecutor", email: "ap.lee@example.org", phone: "+1 555 0102" },
  },
  labour: {
    additionalDisciplines: [],
    jurisdictionLevel: "state",
    region: "Riverbend District",
    address: "3 Capitol Annex, Riverbend (demo)",
    website: "https://labor.state.example.org",
    taskForceRole: "member",
    joined: -400,
    contact: { name: "Chris Novak (demo)", title: "Investigator", email: "investigator.novak@example.org", phone: "+1 555 0103" },
  },
  clinic: {
    additionalDisciplines: ["communityOrganizations"],
    jurisdictionLevel: "non_governmental",
    region: "Riverbend County",
    address: "45 Elm Street, Riverbend (demo)",
    website: "https://clinic.example.org",
    taskForceRole: "affiliate",
    joined: -450,
    contact: { name: "Pat Moreno (demo)", title: "Outreach nurse", email: "outreach.clinic@example.org", phone: "+1 555 0104" },
  },
  survivors: {
    additionalDisciplines: [],
    jurisdictionLevel: "non_governmental",
    region: "Riverbend County",
    address: "",
    website: "https://survivorcouncil.example.org",
    taskForceRole: "co_lead",
    joined: -500,
    contact: { name: "Alex Rowe (demo)", title: "Council coordinator", email: "council@example.org", phone: "+1 555 0105" },
  },
};

/** A one-page PDF that says what it is: a fictional demo document. */
function demoPdf(title: string): Uint8Array {
  const text = `${title} - fictional demo document`.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

export async function seedDemoMembers(
  tx: Database,
  demo: { taskForceId: string; timeZone: string; userIds: Map<string, string>; organizationIds: Map<string, string> },
) {
  const today = dateInZone(new Date(), demo.timeZone);
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const audit = (entity: AuditEntity, entityId: string, changes: AuditChanges) =>
    recordAudit(tx, { taskForceId: demo.taskForceId, actorUserId: null }, { entity, entityId, action: "create", changes });
  const org = (key: OrganizationKey) => {
    const id = demo.organizationIds.get(key);
    if (!id) throw new Error(`demo seed: no organization ${key}`);
    return id;
  };

  for (const [key, profile] of Object.entries(PROFILES) as [OrganizationKey, (typeof PROFILES)[OrganizationKey]][]) {
    const organizationId = org(key);
    const { contact, joined, ...fields } = profile;
    await updateOrganizationRow(tx, demo.taskForceId, organizationId, { ...fields, membershipStatus: "active" });
    await audit("organization", organizationId, Object.fromEntries(Object.entries(fields).map(([field, to]) => [field, { from: null, to }])));
    // A short, dated history: prospective first, active after the MOU talks.
    await insertStatusHistory(tx, { taskForceId: demo.taskForceId, organizationId, status: "prospective", effectiveOn: addDays(today, joined - 60), recordedByUserId: coordinatorId });
    await insertStatusHistory(tx, { taskForceId: demo.taskForceId, organizationId, status: "active", effectiveOn: addDays(today, joined), note: "Joined after signing the partnership letter.", recordedByUserId: coordinatorId });
    const { id: contactId } = await insertContact(tx, {
      taskForceId: demo.taskForceId,
      organizationId,
      name: contact.name,
      title: contact.title,
      workEmail: contact.email,
      workPhone: contact.phone,
      isPrimary: true,
    });
    await audit("organizationContact", contactId, { name: { from: null, to: contact.name } });
  }

  const document = await storeDemoPdf(tx, demo.taskForceId, "Lead agencies MOU (demo)", coordinatorId);

  const deputy = demo.userIds.get("deputy@example.org");
  const advocate = demo.userIds.get("advocate@example.org");
  const prosecutor = demo.userIds.get("prosecutor@example.org");
  const mouPlans = [
    {
      title: "Lead agencies MOU: Sheriff and Safe Harbor (demo)",
      signedOn: addDays(today, -670),
      effectiveOn: addDays(today, -670),
      expiresOn: addDays(today, 55),
      sharedWithFunders: true,
      parties: [org("sheriff"), org("shelter")],
      signatories: [
        ...(deputy ? [{ userId: deputy, signingTitle: "For the Sheriff's Office" }] : []),
        ...(advocate ? [{ userId: advocate, signingTitle: "For Safe Harbor" }] : []),
      ],
      documentId: document.id,
    },
    {
      title: "Referral pilot with the health clinic (demo)",
      signedOn: addDays(today, -800),
      effectiveOn: addDays(today, -790),
      expiresOn: addDays(today, -60),
      sharedWithFunders: false,
      parties: [org("shelter"), org("clinic")],
      signatories: advocate ? [{ userId: advocate, signingTitle: "Programme lead" }] : [],
      documentId: null,
    },
    {
      title: "Information-sharing MOU with prosecution and labour standards (demo)",
      signedOn: addDays(today, -120),
      effectiveOn: addDays(today, -110),
      expiresOn: addDays(today, 610),
      sharedWithFunders: true,
      parties: [org("prosecutor"), org("labour"), org("sheriff")],
      signatories: prosecutor ? [{ userId: prosecutor, signingTitle: "Chief assistant prosecutor" }] : [],
      documentId: null,
    },
  ];
  for (const plan of mouPlans) {
    const { parties, signatories, documentId, ...values } = plan;
    const { id } = await insertMou(tx, { ...values, status: "signed", taskForceId: demo.taskForceId, ownerUserId: coordinatorId, createdByUserId: coordinatorId });
    await replaceMouPeople(tx, demo.taskForceId, id, parties, signatories);
    if (documentId) await setMouDocument(tx, demo.taskForceId, id, documentId);
    await audit("mou", id, { title: { from: null, to: values.title }, expiresOn: { from: null, to: values.expiresOn } });
  }

  const protocolPlans = [
    { topic: "information_sharing", status: "adopted", adoptedOn: addDays(today, -400), nextReviewOn: addDays(today, 330), sharedWithFunders: true },
    { topic: "language_access", status: "adopted", adoptedOn: addDays(today, -200), nextReviewOn: addDays(today, 165), sharedWithFunders: true },
    { topic: "confidentiality", status: "under_review", adoptedOn: addDays(today, -500), nextReviewOn: addDays(today, 20), sharedWithFunders: false },
    { topic: "referrals", status: "draft", adoptedOn: null, nextReviewOn: null, sharedWithFunders: false },
    { topic: "media", status: "adopted", adoptedOn: addDays(today, -90), nextReviewOn: addDays(today, 275), sharedWithFunders: false },
  ] as const;
  for (const plan of protocolPlans) {
    const { id } = await insertProtocol(tx, { ...plan, taskForceId: demo.taskForceId });
    await audit("protocol", id, { topic: { from: null, to: plan.topic }, status: { from: null, to: plan.status } });
    if (plan.topic === "information_sharing") {
      await setProtocolDocument(tx, demo.taskForceId, id, (await storeDemoPdf(tx, demo.taskForceId, "Information-sharing protocol (demo)", coordinatorId)).id);
    }
  }
}

function storeDemoPdf(tx: Database, taskForceId: string, title: string, uploadedByUserId: string | null) {
  const pdf = demoPdf(title);
  return insertDocument(tx, {
    taskForceId,
    filename: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.pdf`,
    mediaType: "application/pdf",
    sizeBytes: pdf.byteLength,
    sha256: createHash("sha256").update(pdf).digest("hex"),
    content: pdf,
    uploadedByUserId,
  });
}
