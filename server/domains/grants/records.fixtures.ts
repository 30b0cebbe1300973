import { getDb } from "@/server/lib/unitOfWork";
import { contributionInKindItems, contributionReports, contributionValues, documents, meetings, mouParties, mous, protocols } from "@/db/schema";
import type { TestTaskForce } from "@/server/testing/factories";

/*
 * Test records of the meetings, organizations and contributions parts, written straight to the
 * database: the grants and reports tests need them as data to link and count, not their workflows
 * (which their own parts' tests drive through the API).
 */

type Insert<T extends { $inferInsert: unknown }> = Partial<T["$inferInsert"]>;
type TaskForceRef = Pick<TestTaskForce, "id">;

export async function insertMeeting(taskForce: TaskForceRef, values: Insert<typeof meetings> & { title: string; startsAt: Date }) {
  const [row] = await (await getDb())
    .insert(meetings)
    .values({ taskForceId: taskForce.id, type: "full_task_force", endsAt: new Date(values.startsAt.getTime() + 3_600_000), timeZone: "America/New_York", ...values })
    .returning({ id: meetings.id });
  return row!;
}

export async function insertMou(taskForce: TaskForceRef, values: Insert<typeof mous> & { title: string }, partyIds: string[] = []) {
  const db = await getDb();
  const [row] = await db.insert(mous).values({ taskForceId: taskForce.id, ...values }).returning({ id: mous.id });
  if (partyIds.length > 0) await db.insert(mouParties).values(partyIds.map((organizationId) => ({ taskForceId: taskForce.id, mouId: row!.id, organizationId })));
  return row!;
}

export async function insertProtocol(taskForce: TaskForceRef, values: Insert<typeof protocols> = {}) {
  const [row] = await (await getDb())
    .insert(protocols)
    .values({ taskForceId: taskForce.id, topic: "referrals", ...values })
    .returning({ id: protocols.id });
  return row!;
}

export async function insertDocument(taskForce: TaskForceRef, filename: string) {
  const content = new TextEncoder().encode("%PDF-1.4 test");
  const [row] = await (await getDb())
    .insert(documents)
    .values({ taskForceId: taskForce.id, filename, mediaType: "application/pdf", sizeBytes: content.byteLength, sha256: "0".repeat(64), content })
    .returning({ id: documents.id });
  return row!;
}

/** A contribution report with its values ({measure: number} or {measure: {dimension: number}}) and in-kind items (their values in cents). */
export async function insertContributionReport(
  taskForce: TaskForceRef,
  organizationId: string,
  period: { period: string; periodStart: string; periodEnd: string },
  values: Record<string, number | Record<string, number>>,
  status: "draft" | "submitted" = "submitted",
  inKindCents: readonly number[] = [],
) {
  const db = await getDb();
  const [row] = await db
    .insert(contributionReports)
    .values({ taskForceId: taskForce.id, organizationId, ...period, status, submittedAt: status === "submitted" ? new Date(`${period.periodEnd}T12:00:00Z`) : null })
    .returning({ id: contributionReports.id });
  const rows = Object.entries(values).flatMap(([measure, value]) =>
    typeof value === "number"
      ? [{ taskForceId: taskForce.id, reportId: row!.id, measure, dimension: "", value }]
      : Object.entries(value).map(([dimension, count]) => ({ taskForceId: taskForce.id, reportId: row!.id, measure, dimension, value: count })),
  );
  if (rows.length > 0) await db.insert(contributionValues).values(rows);
  if (inKindCents.length > 0) {
    await db
      .insert(contributionInKindItems)
      .values(inKindCents.map((estimatedValueCents, position) => ({ taskForceId: taskForce.id, reportId: row!.id, position, description: `Item ${position + 1}`, estimatedValueCents })));
  }
  return row!;
}
