import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  callerFor,
  createMember,
  createOrganization,
  createTaskForceWithCoordinator,
  createUser,
  dateFromToday,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import { eq } from "drizzle-orm";
import { handleDocumentDownload, handleDocumentUpload } from "./documents.http";
import { MAX_DOCUMENT_BYTES } from "./documents.rules";

/*
 * The upload and download route handlers (app/api/tf/[slug]/documents/**) as a browser meets them:
 * a multipart request in, a status and JSON error (or the file) out, for each role and across task forces.
 */

const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin1"));

function upload(user: TestUser | null, slug: string, target: string, recordId: string, file: { name: string; type: string; bytes: Uint8Array }, headers: HeadersInit = {}) {
  const form = new FormData();
  form.set("file", new File([Buffer.from(file.bytes)], file.name, { type: file.type }));
  const request = new Request(`http://localhost/api/tf/${slug}/documents?target=${target}&recordId=${recordId}`, { method: "POST", body: form, headers });
  return handleDocumentUpload(request, user, slug);
}

function download(user: TestUser | null, slug: string, documentId: string) {
  return handleDocumentDownload(new Request(`http://localhost/api/tf/${slug}/documents/${documentId}`), user, slug, documentId);
}

describe("document upload and download", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let sharedMouId: string;
  let internalMouId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const a = await createOrganization(taskForce);
    const b = await createOrganization(taskForce);
    ({ user: member } = await createMember(taskForce, "member", { organizationId: a.id }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
    const base = {
      taskForceSlug: taskForce.slug,
      status: "signed" as const,
      signedOn: dateFromToday(-10),
      effectiveOn: dateFromToday(-10),
      expiresOn: dateFromToday(80),
      partyOrganizationIds: [a.id, b.id],
    };
    sharedMouId = (await callerFor(coordinator).mou.create({ ...base, title: "Shared MOU", sharedWithFunders: true })).id;
    internalMouId = (await callerFor(coordinator).mou.create({ ...base, title: "Internal MOU" })).id;
  });

  it("stores a signed PDF on an MOU, by its content type, audited; the coordinator downloads it as an attachment", async () => {
    const response = await upload(coordinator, taskForce.slug, "mou", sharedMouId, { name: "C:\\fakepath\\signed MOU.pdf", type: "application/octet-stream", bytes: PDF });
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { id: string; filename: string; mediaType: string; sizeBytes: number };
    expect(stored).toMatchObject({ filename: "signed MOU.pdf", mediaType: "application/pdf", sizeBytes: PDF.byteLength });
    const { mou } = await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId: sharedMouId });
    expect(mou.documentId).toBe(stored.id);

    const file = await download(coordinator, taskForce.slug, stored.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''signed%20MOU.pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    const audit = await (await getDb()).select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, sharedMouId));
    expect(audit.map((row) => row.action)).toContain("attachDocument");
  });

  it("replaces the earlier document when a new one is uploaded", async () => {
    const first = (await (await upload(coordinator, taskForce.slug, "mou", internalMouId, { name: "a.txt", type: "text/plain", bytes: new Uint8Array(Buffer.from("draft one")) })).json()) as { id: string };
    const second = await upload(coordinator, taskForce.slug, "mou", internalMouId, { name: "b.txt", type: "text/plain", bytes: new Uint8Array(Buffer.from("draft two")) });
    expect(second.status).toBe(201);
    expect((await download(coordinator, taskForce.slug, first.id)).status).toBe(404);
  });

  it("refuses a program renamed to .pdf with 415 and the catalog message for the file field", async () => {
    const response = await upload(coordinator, taskForce.slug, "mou", sharedMouId, { name: "mou.pdf", type: "application/pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) });
    expect(response.status).toBe(415);
    const text = "This type of file is not accepted. Upload a PDF, Word (DOCX), OpenDocument (ODT), PNG, JPEG or plain text file.";
    expect(await response.json()).toEqual({
      messageKey: "documentTypeNotAllowed",
      values: {},
      fieldErrors: { file: [{ key: "documentTypeNotAllowed", values: {}, text }] },
      text,
    });
  });

  it("words a refusal in the uploader's language, so a page need not carry the error catalog", async () => {
    const renamedProgram = { name: "mou.pdf", type: "application/pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) };
    const response = await upload(coordinator, taskForce.slug, "mou", sharedMouId, renamedProgram, { "accept-language": "es-MX,es;q=0.9" });
    expect(((await response.json()) as { text: string }).text).toMatch(/^No se acepta este tipo de archivo\./);
    const anonymous = await upload(null, taskForce.slug, "mou", sharedMouId, renamedProgram, { "accept-language": "es" });
    expect(await anonymous.json()).toMatchObject({ messageKey: "signInRequired", text: "Su sesión terminó. Vuelva a iniciar sesión." });
  });

  it("refuses a file over the limit with 413", async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41);
    const response = await upload(coordinator, taskForce.slug, "mou", sharedMouId, { name: "big.txt", type: "text/plain", bytes: big });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ messageKey: "documentTooLarge", values: { maxMegabytes: 10 } });
  });

  it("refuses uploads by members, funders, viewers (403), strangers (404) and anonymous visitors (401)", async () => {
    const file = { name: "x.pdf", type: "application/pdf", bytes: PDF };
    for (const user of [member, funder, viewer]) expect((await upload(user, taskForce.slug, "mou", sharedMouId, file)).status).toBe(403);
    expect((await upload(await createUser(), taskForce.slug, "mou", sharedMouId, file)).status).toBe(404);
    expect((await upload(null, taskForce.slug, "mou", sharedMouId, file)).status).toBe(401);
  });

  it("lets funders download only documents of records shared with them", async () => {
    const shared = (await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId: sharedMouId })).mou.documentId;
    const internal = (await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId: internalMouId })).mou.documentId;
    expect((await download(funder, taskForce.slug, shared ?? "")).status).toBe(200);
    expect((await download(funder, taskForce.slug, internal ?? "")).status).toBe(404);
    expect((await download(viewer, taskForce.slug, internal ?? "")).status).toBe(200);
    expect((await download(member, taskForce.slug, internal ?? "")).status).toBe(200);
  });

  it("does not reach across task forces: another coordinator can neither attach to nor download from this one", async () => {
    const other = await createTaskForceWithCoordinator();
    const documentId = (await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId: sharedMouId })).mou.documentId ?? "";
    // Through this task force's slug they are not a member …
    expect((await download(other.coordinator, taskForce.slug, documentId)).status).toBe(404);
    // … and through their own slug the record and the document are not found.
    expect((await upload(other.coordinator, other.taskForce.slug, "mou", sharedMouId, { name: "x.pdf", type: "application/pdf", bytes: PDF })).status).toBe(404);
    expect((await download(other.coordinator, other.taskForce.slug, documentId)).status).toBe(404);
  });

  it("attaches a document to a protocol as well", async () => {
    const { id } = await callerFor(coordinator).protocol.create({ taskForceSlug: taskForce.slug, topic: "media" });
    const response = await upload(coordinator, taskForce.slug, "protocol", id, { name: "media.txt", type: "text/plain", bytes: new Uint8Array(Buffer.from("Media protocol")) });
    expect(response.status).toBe(201);
  });
});
