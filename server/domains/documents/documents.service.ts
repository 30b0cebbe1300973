import { createHash } from "node:crypto";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import type { AuditEntity } from "@/db/schema";
import { can, type Permission } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { mouHasDocument, setMouDocument } from "@/server/domains/mous";
import { protocolHasDocument, setProtocolDocument } from "@/server/domains/protocols";
import { cleanFilename, detectMediaType, MAX_DOCUMENT_BYTES } from "./documents.rules";
import { deleteDocument, findDocumentWithContent, insertDocument } from "./documents.queries";
import { currentTime } from "@/server/lib/clock";

/*
 * Documents are attached to a record (an MOU, a protocol). Each kind of record names the permission
 * that attaches a document to it and how it points at the document; adding a kind is one entry.
 * Reading follows the record: whoever may see the record may download its document (funders only
 * those shared with them).
 */

interface DocumentTarget {
  /** Audit entity name of the record. */
  entity: AuditEntity;
  permission: Permission;
  /** Points the record at the document; returns the document it held before, or undefined when the record does not exist. */
  attach(tx: Database, taskForceId: string, recordId: string, documentId: string): Promise<string | null | undefined>;
  holds(db: Database, taskForceId: string, documentId: string, sharedOnly: boolean): Promise<boolean>;
}

export const DOCUMENT_TARGETS = {
  mou: { entity: "mou", permission: "mou.manage", attach: setMouDocument, holds: mouHasDocument },
  protocol: { entity: "protocol", permission: "protocol.manage", attach: setProtocolDocument, holds: protocolHasDocument },
} satisfies Record<string, DocumentTarget>;
export type DocumentTargetKind = keyof typeof DOCUMENT_TARGETS;

export function isDocumentTarget(value: string | null): value is DocumentTargetKind {
  return value !== null && Object.hasOwn(DOCUMENT_TARGETS, value);
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Checks the file (size, type by content) and attaches it to the record, replacing and removing an earlier one. */
export function attachDocument(scope: TaskForceScope, target: DocumentTargetKind, recordId: string, file: UploadedFile, now = currentTime()) {
  const kind = DOCUMENT_TARGETS[target];
  if (!can(scope.role, kind.permission)) throw new DomainError("FORBIDDEN", "forbidden");
  if (file.bytes.byteLength === 0) throw new DomainError("INVALID", "documentEmpty", {}, "file");
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) throw documentTooLarge();
  const mediaType = detectMediaType(file.bytes);
  if (!mediaType) throw new DomainError("INVALID", "documentTypeNotAllowed", {}, "file");
  return inTransaction(async (tx) => {
    const filename = cleanFilename(file.name);
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const document = await insertDocument(tx, {
      taskForceId: scope.taskForceId,
      filename,
      mediaType,
      sizeBytes: file.bytes.byteLength,
      sha256,
      content: file.bytes,
      uploadedByUserId: scope.userId,
      uploadedAt: now,
    });
    const previous = await kind.attach(tx, scope.taskForceId, recordId, document.id);
    if (previous === undefined) throw new DomainError("NOT_FOUND", "documentRecordNotFound");
    if (previous) await deleteDocument(tx, scope.taskForceId, previous);
    await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
      entity: kind.entity,
      entityId: recordId,
      action: "attachDocument",
      changes: { document: { from: previous, to: { id: document.id, filename, mediaType, sizeBytes: document.sizeBytes, sha256 } } },
    });
    return document;
  });
}

export function documentTooLarge() {
  return new DomainError("INVALID", "documentTooLarge", { maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024) }, "file");
}

/** The document's bytes, when the caller may see a record that holds it; otherwise "not found". */
export async function getDocumentForDownload(scope: TaskForceScope, documentId: string) {
  const db = await getDb();
  const sharedOnly = !can(scope.role, "memberRecords.readUnshared");
  const checks = await Promise.all(Object.values(DOCUMENT_TARGETS).map((kind) => kind.holds(db, scope.taskForceId, documentId, sharedOnly)));
  if (!checks.some(Boolean)) throw new DomainError("NOT_FOUND", "documentNotFound");
  const document = await findDocumentWithContent(db, scope.taskForceId, documentId);
  if (!document) throw new DomainError("NOT_FOUND", "documentNotFound");
  return document;
}
