import { and, desc, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contributionReports, documents, meetings, mous, organizations, protocols } from "@/db/schema";
import { PICK_LIMIT, type EvidenceRecord } from "./evidence.queries";

/*
 * Evidence lookups for the records of the meetings, organizations and contributions parts (see
 * evidence.queries.ts for the contract). `shared` follows what funders may see of each record:
 * meetings whose approved minutes are shared, MOUs and protocols marked shared, documents held by
 * such an MOU or protocol; contribution reports reach funders only as aggregates, never one by one.
 */

const limitFor = (ids: readonly string[] | null) => (ids ? Math.max(ids.length, 1) : PICK_LIMIT);

export async function findMeetings(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      // The day in the meeting's own zone, so the label matches the meeting page.
      day: sql<string>`to_char(${meetings.startsAt} at time zone ${meetings.timeZone}, 'YYYY-MM-DD')`,
      shared: sql<boolean>`(${meetings.minutesStatus} = 'approved' and ${meetings.minutesSharedWithFunders})`,
    })
    .from(meetings)
    .where(and(eq(meetings.taskForceId, taskForceId), ids ? inArray(meetings.id, [...ids]) : undefined))
    .orderBy(desc(meetings.startsAt))
    .limit(limitFor(ids));
  return rows.map((row) => ({ id: row.id, label: `${row.title} (${row.day})`, shared: Boolean(row.shared) }));
}

export async function findMous(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: mous.id, label: mous.title, shared: mous.sharedWithFunders })
    .from(mous)
    .where(and(eq(mous.taskForceId, taskForceId), ids ? inArray(mous.id, [...ids]) : undefined))
    .orderBy(desc(mous.updatedAt))
    .limit(limitFor(ids));
  return rows;
}

export async function findProtocols(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: protocols.id, title: protocols.title, topic: protocols.topic, shared: protocols.sharedWithFunders })
    .from(protocols)
    .where(and(eq(protocols.taskForceId, taskForceId), ids ? inArray(protocols.id, [...ids]) : undefined))
    .orderBy(desc(protocols.updatedAt))
    .limit(limitFor(ids));
  // A protocol's title is optional (its topic names it then).
  return rows.map((row) => ({ id: row.id, label: row.title.trim() || row.topic.replaceAll("_", " "), shared: row.shared }));
}

export async function findDocuments(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const heldByShared = or(
    exists(
      db
        .select({ one: sql`1` })
        .from(mous)
        .where(and(eq(mous.taskForceId, documents.taskForceId), eq(mous.documentId, documents.id), eq(mous.sharedWithFunders, true))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(protocols)
        .where(and(eq(protocols.taskForceId, documents.taskForceId), eq(protocols.documentId, documents.id), eq(protocols.sharedWithFunders, true))),
    ),
  );
  const rows = await db
    .select({ id: documents.id, label: documents.filename, shared: sql<boolean>`${heldByShared}` })
    .from(documents)
    .where(and(eq(documents.taskForceId, taskForceId), ids ? inArray(documents.id, [...ids]) : undefined))
    .orderBy(desc(documents.uploadedAt))
    .limit(limitFor(ids));
  return rows.map((row) => ({ ...row, shared: Boolean(row.shared) }));
}

/** Submitted contribution reports (e.g. trainings logged), labelled by organization and period. */
export async function findContributionReports(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: contributionReports.id, organization: organizations.name, period: contributionReports.period })
    .from(contributionReports)
    .innerJoin(organizations, and(eq(organizations.taskForceId, contributionReports.taskForceId), eq(organizations.id, contributionReports.organizationId)))
    .where(
      and(
        eq(contributionReports.taskForceId, taskForceId),
        eq(contributionReports.status, "submitted"),
        ids ? inArray(contributionReports.id, [...ids]) : undefined,
      ),
    )
    .orderBy(desc(contributionReports.periodStart), organizations.name)
    .limit(limitFor(ids));
  return rows.map((row) => ({ id: row.id, label: `${row.organization} — ${row.period}`, shared: false, page: row.period }));
}
