import { and, eq, gte, inArray, like } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, contributionInKindItems, contributionReports, gaps, responses } from "@/db/schema";
import type { WriteAttempt, WriteKind } from "./httpLoad";

/*
 * The database check after the HTTP bench's load: every write that was acknowledged (2xx) is
 * there exactly once, every refused one is not there at all, and no record ends up older than
 * the last write acknowledged on it.
 *
 * Gaps and reports carry a version and an audit entry per saved change (written in the same
 * transaction), so each write is found by its marker in the audit log: once if acknowledged, never
 * if refused. Per record, the versions acknowledged must all differ (two saves acknowledged as the
 * same version would mean one silently replaced the other), the record must hold the write
 * acknowledged last, and its version must have moved on by exactly the number of writes stored.
 * Assessment answers have no version and no audit entry while the response is a draft: the row
 * (one per person and element) must hold the person's latest acknowledged answer.
 */

export interface KindCheck {
  kind: WriteKind;
  sent: number;
  acknowledged: number;
  /** Answered with a non-2xx status (in the conflict check, the expected CONFLICT). */
  refused: number;
  /** No answer came (a timeout, or the run ended first); such a write may or may not have been stored. */
  unanswered: number;
  unansweredStored: number;
  /** Acknowledged, but not in the database, or replaced by an older write. */
  lost: number;
  /** Stored more than once. */
  duplicated: number;
  /** Refused, yet stored. */
  refusedStored: number;
  /** Answers replaced by the same person's later answer to the same element (not a loss). */
  superseded: number;
  problems: string[];
}

const isSuccess = (write: WriteAttempt) => write.status !== undefined && write.status >= 200 && write.status < 300;
const isRefused = (write: WriteAttempt) => write.status !== undefined && !isSuccess(write);
const MAX_PROBLEMS_LISTED = 10;

function emptyCheck(kind: WriteKind, writes: readonly WriteAttempt[]): KindCheck {
  return {
    kind,
    sent: writes.length,
    acknowledged: writes.filter(isSuccess).length,
    refused: writes.filter(isRefused).length,
    unanswered: writes.filter((write) => write.status === undefined).length,
    unansweredStored: 0,
    lost: 0,
    duplicated: 0,
    refusedStored: 0,
    superseded: 0,
    problems: [],
  };
}

function problem(check: KindCheck, text: string) {
  if (check.problems.length < MAX_PROBLEMS_LISTED) check.problems.push(text);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

interface RecordState {
  version: number;
  /** The markers the record holds now (a gap's description, a report's in-kind descriptions). */
  markers: string[];
}

/** The checks shared by gaps and reports: markers counted in the audit log, versions and final state per record. */
function checkVersioned(
  kind: WriteKind,
  writes: readonly WriteAttempt[],
  audited: ReadonlyMap<string, number>,
  states: ReadonlyMap<string, RecordState>,
  initialVersions: ReadonlyMap<string, number | null>,
): KindCheck {
  const check = emptyCheck(kind, writes);
  const storedMarkers = new Set<string>();
  for (const write of writes) {
    const stored = audited.get(write.marker) ?? 0;
    if (stored > 0) storedMarkers.add(write.marker);
    if (stored > 1) {
      check.duplicated += 1;
      problem(check, `${write.marker}: stored ${stored} times`);
    }
    if (isSuccess(write) && stored === 0) {
      check.lost += 1;
      problem(check, `${write.marker}: acknowledged as version ${write.version}, but not in the audit log`);
    }
    if (isRefused(write) && stored > 0) {
      check.refusedStored += 1;
      problem(check, `${write.marker}: refused (${write.status} ${write.errorCode ?? ""}), yet stored`);
    }
    if (write.status === undefined && stored > 0) check.unansweredStored += 1;
  }
  for (const [record, recordWrites] of groupBy(writes, (write) => write.record)) {
    const acknowledged = recordWrites.filter(isSuccess);
    const byVersion = groupBy(acknowledged, (write) => String(write.version));
    for (const [version, same] of byVersion) {
      if (same.length < 2) continue;
      check.lost += same.length - 1;
      problem(check, `${record}: ${same.length} saves acknowledged as version ${version} (${same.map((write) => write.marker).join(", ")})`);
    }
    const state = states.get(record);
    const stored = recordWrites.filter((write) => storedMarkers.has(write.marker));
    if (!state) {
      if (stored.length > 0) problem(check, `${record}: writes were stored, but the record is not there`);
      continue;
    }
    const latest = acknowledged.reduce<WriteAttempt | undefined>((last, write) => (last && (last.version ?? 0) >= (write.version ?? 0) ? last : write), undefined);
    // A write that got no answer may have landed after the last acknowledged one; then it is what the record holds.
    const acceptable = new Set([latest?.marker, ...recordWrites.filter((write) => write.status === undefined && storedMarkers.has(write.marker)).map((write) => write.marker)]);
    if (latest && !state.markers.some((marker) => acceptable.has(marker))) {
      check.lost += 1;
      problem(check, `${record}: holds ${state.markers.join(", ") || "no marker"}, but ${latest.marker} was acknowledged last (version ${latest.version})`);
    }
    const initial = initialVersions.get(record) ?? 0;
    if (state.version - initial !== stored.length) {
      problem(check, `${record}: version went from ${initial} to ${state.version}, but ${stored.length} writes were stored`);
      if (state.version - initial > stored.length) check.duplicated += state.version - initial - stored.length;
      else check.lost += stored.length - (state.version - initial);
    }
  }
  return check;
}

async function checkGaps(db: Database, taskForceId: string, since: Date, writes: readonly WriteAttempt[], initialVersions: ReadonlyMap<string, number | null>): Promise<KindCheck> {
  const ids = [...new Set(writes.map((write) => write.record))];
  const [rows, entries] = await Promise.all([
    ids.length === 0
      ? []
      : db.select({ id: gaps.id, version: gaps.version, description: gaps.description }).from(gaps).where(and(eq(gaps.taskForceId, taskForceId), inArray(gaps.id, ids))),
    db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, "gap"), eq(auditLog.action, "update"), gte(auditLog.createdAt, since))),
  ]);
  const audited = new Map<string, number>();
  for (const { changes } of entries) {
    const marker = changes.description?.to;
    if (typeof marker === "string") audited.set(marker, (audited.get(marker) ?? 0) + 1);
  }
  const states = new Map(rows.map((row) => [row.id, { version: row.version, markers: [row.description] }]));
  return checkVersioned("gap", writes, audited, states, initialVersions);
}

async function checkReports(db: Database, taskForceId: string, since: Date, writes: readonly WriteAttempt[], initialVersions: ReadonlyMap<string, number | null>): Promise<KindCheck> {
  const records = new Set(writes.map((write) => write.record));
  const periods = [...new Set([...records].map((record) => record.split("/")[1] ?? ""))];
  const reports =
    periods.length === 0
      ? []
      : (
          await db
            .select({ id: contributionReports.id, organizationId: contributionReports.organizationId, period: contributionReports.period, version: contributionReports.version })
            .from(contributionReports)
            .where(and(eq(contributionReports.taskForceId, taskForceId), inArray(contributionReports.period, periods)))
        ).filter((report) => records.has(`${report.organizationId}/${report.period}`));
  const [items, entries] = await Promise.all([
    reports.length === 0
      ? []
      : db
          .select({ reportId: contributionInKindItems.reportId, description: contributionInKindItems.description })
          .from(contributionInKindItems)
          .where(and(eq(contributionInKindItems.taskForceId, taskForceId), inArray(contributionInKindItems.reportId, reports.map((report) => report.id)))),
    db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, "contributionReport"), gte(auditLog.createdAt, since))),
  ]);
  const audited = new Map<string, number>();
  for (const { changes } of entries) {
    const inKind = changes.inKind?.to;
    if (!Array.isArray(inKind)) continue;
    for (const item of inKind as { description?: unknown }[]) {
      if (typeof item.description === "string") audited.set(item.description, (audited.get(item.description) ?? 0) + 1);
    }
  }
  const states = new Map(
    reports.map((report) => [
      `${report.organizationId}/${report.period}`,
      { version: report.version, markers: items.filter((item) => item.reportId === report.id).map((item) => item.description) },
    ]),
  );
  return checkVersioned("contribution", writes, audited, states, initialVersions);
}

async function checkAnswers(db: Database, roundId: string, runId: string, writes: readonly WriteAttempt[]): Promise<KindCheck> {
  const check = emptyCheck("answer", writes);
  const rows = await db
    .select({ respondentUserId: responses.respondentUserId, elementKey: responses.elementKey, rationale: responses.rationale })
    .from(responses)
    .where(and(eq(responses.roundId, roundId), like(responses.rationale, `Load test ${runId} %`)));
  const storedCount = new Map<string, number>();
  for (const row of rows) storedCount.set(row.rationale, (storedCount.get(row.rationale) ?? 0) + 1);
  const holds = new Map(rows.map((row) => [`${row.respondentUserId}/${row.elementKey}`, row.rationale]));
  for (const write of writes) {
    const stored = storedCount.get(write.marker) ?? 0;
    if (stored > 1) {
      check.duplicated += 1;
      problem(check, `${write.marker}: in ${stored} rows`);
    }
    if (isRefused(write) && stored > 0) {
      check.refusedStored += 1;
      problem(check, `${write.marker}: refused (${write.status}), yet stored`);
    }
    if (write.status === undefined && stored > 0) check.unansweredStored += 1;
  }
  // One person sends one request at a time, so the order they were sent in is the order they were applied in.
  for (const [record, recordWrites] of groupBy(writes, (write) => write.record)) {
    const lastAcknowledged = recordWrites.findLastIndex(isSuccess);
    if (lastAcknowledged < 0) continue;
    check.superseded += recordWrites.slice(0, lastAcknowledged).filter(isSuccess).length;
    const acceptable = new Set(recordWrites.slice(lastAcknowledged).filter((write, index) => index === 0 || write.status === undefined).map((write) => write.marker));
    const held = holds.get(record);
    if (held === undefined || !acceptable.has(held)) {
      check.lost += 1;
      problem(check, `${record}: holds ${held ?? "nothing of this run"}, but ${recordWrites[lastAcknowledged]?.marker} was acknowledged last`);
    }
  }
  return check;
}

export async function verifyWrites(options: {
  db: Database;
  taskForceId: string;
  roundId: string;
  runId: string;
  /** When the load started: audit entries from before are not the run's. */
  since: Date;
  writes: readonly WriteAttempt[];
  /** Each gap's and report's version before the run (null: no report yet). */
  initialVersions: ReadonlyMap<string, number | null>;
}): Promise<KindCheck[]> {
  const { db, taskForceId, since, writes, initialVersions } = options;
  const of = (kind: WriteKind) => writes.filter((write) => write.kind === kind);
  return Promise.all([
    checkGaps(db, taskForceId, since, of("gap"), initialVersions),
    checkReports(db, taskForceId, since, of("contribution"), initialVersions),
    checkAnswers(db, options.roundId, options.runId, of("answer")),
  ]);
}
