import { onlyRow } from "@/db/rows";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { documents } from "@/db/schema";

export async function insertDocument(db: Database, values: typeof documents.$inferInsert) {
  return onlyRow(await db
    .insert(documents)
    .values(values)
    .returning({ id: documents.id, filename: documents.filename, mediaType: documents.mediaType, sizeBytes: documents.sizeBytes, sha256: documents.sha256 }), "document insert");
}

export async function findDocumentWithContent(db: Database, taskForceId: string, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, filename: documents.filename, mediaType: documents.mediaType, sizeBytes: documents.sizeBytes, content: documents.content })
    .from(documents)
    .where(and(eq(documents.taskForceId, taskForceId), eq(documents.id, documentId)));
  return row ?? null;
}

export async function deleteDocument(db: Database, taskForceId: string, documentId: string) {
  await db.delete(documents).where(and(eq(documents.taskForceId, taskForceId), eq(documents.id, documentId)));
}

/** Name, type and size of documents (no bytes), for lists. */
export async function findDocumentMeta(db: Database, taskForceId: string, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, filename: documents.filename, mediaType: documents.mediaType, sizeBytes: documents.sizeBytes, uploadedAt: documents.uploadedAt })
    .from(documents)
    .where(and(eq(documents.taskForceId, taskForceId), eq(documents.id, documentId)));
  return row ?? null;
}
