import { insertOne } from "@/db/rows";
import { and, asc, eq, isNotNull, lte, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { protocols } from "@/db/schema";

type ProtocolInsert = typeof protocols.$inferInsert;

const protocolColumns = {
  id: protocols.id,
  topic: protocols.topic,
  title: protocols.title,
  status: protocols.status,
  adoptedOn: protocols.adoptedOn,
  nextReviewOn: protocols.nextReviewOn,
  notes: protocols.notes,
  sharedWithFunders: protocols.sharedWithFunders,
  documentId: protocols.documentId,
  updatedAt: protocols.updatedAt,
};

export function listProtocols(db: Database, taskForceId: string, options: { sharedOnly: boolean }) {
  return db
    .select(protocolColumns)
    .from(protocols)
    .where(and(eq(protocols.taskForceId, taskForceId), options.sharedOnly ? eq(protocols.sharedWithFunders, true) : undefined))
    .orderBy(asc(protocols.topic), asc(protocols.title));
}

export async function findProtocol(db: Database, taskForceId: string, protocolId: string) {
  const [row] = await db
    .select(protocolColumns)
    .from(protocols)
    .where(and(eq(protocols.taskForceId, taskForceId), eq(protocols.id, protocolId)))
    .for("update");
  return row ?? null;
}

export async function insertProtocol(db: Database, values: ProtocolInsert) {
  return insertOne(db, protocols, values, { id: protocols.id }, "protocol insert");
}

export async function updateProtocolRow(db: Database, taskForceId: string, protocolId: string, values: Partial<Omit<ProtocolInsert, "id" | "taskForceId">>) {
  await db.update(protocols).set(values).where(and(eq(protocols.taskForceId, taskForceId), eq(protocols.id, protocolId)));
}

/** Points the protocol at a new document; returns the previous one, or undefined when no such protocol. */
export async function setProtocolDocument(db: Database, taskForceId: string, protocolId: string, documentId: string) {
  const before = await findProtocol(db, taskForceId, protocolId);
  if (!before) return undefined;
  await updateProtocolRow(db, taskForceId, protocolId, { documentId, updatedAt: new Date() });
  return before.documentId;
}

export async function protocolHasDocument(db: Database, taskForceId: string, documentId: string, sharedOnly: boolean) {
  const [row] = await db
    .select({ id: protocols.id })
    .from(protocols)
    .where(
      and(eq(protocols.taskForceId, taskForceId), eq(protocols.documentId, documentId), sharedOnly ? eq(protocols.sharedWithFunders, true) : undefined),
    )
    .limit(1);
  return Boolean(row);
}

/** Protocols (not drafts) whose next review falls on or before `until`. */
export function listProtocolsDueForReview(db: Database, taskForceId: string, until: string) {
  return db
    .select({ id: protocols.id, topic: protocols.topic, title: protocols.title, nextReviewOn: protocols.nextReviewOn })
    .from(protocols)
    .where(and(eq(protocols.taskForceId, taskForceId), ne(protocols.status, "draft"), isNotNull(protocols.nextReviewOn), lte(protocols.nextReviewOn, until)));
}
