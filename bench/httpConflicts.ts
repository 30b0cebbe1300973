import { type LoadRecorder, type WriteAttempt, type WriteKind } from "./httpLoad";
import { readTrpcAnswer, trpcMutation, trpcQueryPath } from "./httpWire";

/*
 * The conflict check of the HTTP bench: while the load runs, two people of one agency open the
 * same record, both see the same version, and both save at once. Exactly one save may succeed;
 * the other must be refused with CONFLICT, never applied over the first. Their writes are
 * recorded like the load's, so the database check afterwards also proves that the refused one
 * left no trace and the accepted one is there once.
 */

export interface ConflictTarget {
  kind: Extract<WriteKind, "gap" | "contribution">;
  /** As in WriteAttempt.record. */
  record: string;
  /** Two people who may both edit the record: their session cookies. */
  people: [{ cookie: string }, { cookie: string }];
  /** The read a form is loaded with, and the version it shows (null: no report yet). */
  read: { procedure: string; input: unknown; versionOf: (data: unknown) => number | null | undefined };
  save: (version: number | null, marker: string) => { procedure: string; input: unknown };
}

export interface ConflictOutcome {
  kind: ConflictTarget["kind"];
  record: string;
  trial: number;
  /** The version both read, or why they did not read the same one. */
  version: number | null | string;
  statuses: (number | undefined)[];
  codes: (string | undefined)[];
  /** Exactly one save succeeded and the other was refused with CONFLICT. */
  ok: boolean;
}

async function send(baseUrl: string, cookie: string, request: { path: string; body?: string }): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.body === undefined ? "GET" : "POST",
    headers: request.body === undefined ? { cookie } : { cookie, "content-type": "application/json" },
    body: request.body,
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: await response.text() };
}

export async function runConflictTrial(baseUrl: string, target: ConflictTarget, trial: number, runId: string, recorder: LoadRecorder): Promise<ConflictOutcome> {
  const outcome = (version: ConflictOutcome["version"], attempts: WriteAttempt[] = []): ConflictOutcome => ({
    kind: target.kind,
    record: target.record,
    trial,
    version,
    statuses: attempts.map((attempt) => attempt.status),
    codes: attempts.map((attempt) => attempt.errorCode),
    ok: attempts.filter((attempt) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300).length === 1 && attempts.filter((attempt) => attempt.errorCode === "CONFLICT").length === 1,
  });
  const path = trpcQueryPath(target.read.procedure, target.read.input);
  const reads = await Promise.all(target.people.map((person) => send(baseUrl, person.cookie, { path })));
  const versions = reads.map((read) => (read.status === 200 ? target.read.versionOf(readTrpcAnswer(read.body).data) : undefined));
  const [version, other] = versions;
  if (version === undefined || other === undefined) return outcome(`a read failed (${reads.map((read) => read.status).join(", ")})`);
  // Someone else saved between the two reads: not the situation under test, and not a failure of the app.
  if (version !== other) return outcome(`the two reads saw versions ${version} and ${other}`);

  const attempts: WriteAttempt[] = target.people.map((_, index) => ({
    kind: target.kind,
    source: "conflict check",
    record: target.record,
    marker: `Load test ${runId} ${target.kind} conflict ${trial}${index === 0 ? "a" : "b"}`,
  }));
  recorder.writes.push(...attempts);
  const answers = await Promise.all(
    attempts.map((attempt, index) => {
      const save = target.save(version, attempt.marker);
      return send(baseUrl, target.people[index === 0 ? 0 : 1].cookie, trpcMutation(save.procedure, save.input));
    }),
  );
  answers.forEach((answer, index) => recorder.settle(attempts[index] as WriteAttempt, answer.status, answer.body));
  return outcome(version, attempts);
}

/**
 * Starts the trials while the load is at full speed, evenly spaced from a fifth of the run to four
 * fifths, gaps and reports alternating. Each starts on time whether or not the one before has
 * finished (under load a trial takes seconds), so that all of them happen under the load.
 */
export function runConflictChecks(options: {
  baseUrl: string;
  targets: readonly ConflictTarget[];
  durationSeconds: number;
  runId: string;
  recorder: LoadRecorder;
}): Promise<ConflictOutcome[]> {
  const { targets, durationSeconds } = options;
  const spacingMs = (durationSeconds * 600) / Math.max(1, targets.length);
  return Promise.all(
    targets.map(async (target, index) => {
      await new Promise((resolve) => setTimeout(resolve, durationSeconds * 200 + index * spacingMs));
      return runConflictTrial(options.baseUrl, target, index + 1, options.runId, options.recorder);
    }),
  );
}
