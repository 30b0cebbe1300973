import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { readTrpcAnswer, trpcMutation, trpcQueryPath } from "./httpWire";

/*
 * The load of the HTTP bench: one loop per signed-in person, each sending that person's own
 * sequence of requests, one at a time, and pausing between them as a person reads a page or types
 * a change (the think time). A save is built from what the read before it answered (the version
 * the form was loaded with), as the browser does. Every write carries a marker unique to the run,
 * and every answer to a write is recorded, so that afterwards the database can be checked for each.
 *
 * (autocannon paces a connection at one request per second at the slowest, so it can only model
 * people who never pause.)
 */

export const ROUTES = {
  dashboard: "GET /tf/[slug]/dashboard (page)",
  gapGet: "GET gap.get",
  gapUpdate: "POST gap.update",
  answerSave: "POST assessment.saveDraft",
  reportGet: "GET contribution.report",
  reportSave: "POST contribution.saveDraft",
} as const;
export type Route = (typeof ROUTES)[keyof typeof ROUTES];

export type WriteKind = "gap" | "contribution" | "answer";

/** Where a write was sent from: the load itself, or the conflict check's pairs. */
export type WriteSource = "load" | "conflict check";

export interface WriteAttempt {
  kind: WriteKind;
  source: WriteSource;
  /** The record written: a gap id, `<organization id>/<period>` for a report, `<user id>/<element key>` for an answer. */
  record: string;
  /** Unique to this write; it lands in the record's text (and so in its audit entry). */
  marker: string;
  /** The HTTP status of the answer; undefined when none came (timeout, or the run ended first). */
  status?: number;
  /** The record's version the server acknowledged (gaps and reports). */
  version?: number;
  /** tRPC's error code of a refused write. */
  errorCode?: string;
}

export interface LoadUser {
  /** 1-based, as in the markers. */
  number: number;
  userId: string;
  email: string;
  cookie: string;
  /** The gap this person edits (one each, owned by their agency or by them). */
  gapId: string;
  /** The agency whose report for the period this person keeps: one reporting officer per agency; null for everyone else. */
  reportsFor: string | null;
}

export interface Scenario {
  slug: string;
  roundId: string;
  /** The contributions period being reported (the current quarter). */
  period: string;
  elementKeys: readonly string[];
  /** Prefix of every marker of this run. */
  runId: string;
}

export interface RouteTally {
  latenciesMs: number[];
  /** Bytes received, headers included. */
  bytes: number;
  statuses: Map<number, number>;
  timeouts: number;
  connectionErrors: number;
}

/** Everything the load saw, per route, and every write it sent. */
export class LoadRecorder {
  readonly routes = new Map<Route, RouteTally>(Object.values(ROUTES).map((route) => [route, { latenciesMs: [], bytes: 0, statuses: new Map(), timeouts: 0, connectionErrors: 0 }]));
  readonly writes: WriteAttempt[] = [];

  private tally(route: Route): RouteTally {
    const tally = this.routes.get(route);
    if (!tally) throw new Error(`unknown route ${route}`);
    return tally;
  }

  response(route: Route, status: number, bytes: number, ms: number) {
    const tally = this.tally(route);
    tally.latenciesMs.push(ms);
    tally.bytes += bytes;
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  }

  timeout(route: Route) {
    this.tally(route).timeouts += 1;
  }

  connectionError(route: Route) {
    this.tally(route).connectionErrors += 1;
  }

  /** Records the answer to a write: its status and, for a success, the version it produced. */
  settle(write: WriteAttempt, status: number, body: string) {
    write.status = status;
    const answer = readTrpcAnswer<{ version?: number }>(body);
    if (status >= 200 && status < 300) write.version = answer.data?.version;
    else write.errorCode = answer.error?.code;
  }
}

interface PlannedRequest {
  route: Route;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  write?: WriteAttempt;
}

/** A step of a person's sequence. When `plan` returns nothing (no read to base a save on), the person starts the sequence over. */
interface Step {
  plan: () => PlannedRequest | undefined;
  onResponse: (status: number, body: string) => void;
  /** A save built from the read before it, so no sequence may start with it. */
  afterRead?: true;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * One person's loop: open the dashboard, edit their gap (read it, save it), open the dashboard
 * again, answer one element of the open round; a reporting officer also reads and saves their
 * agency's report. Reads that a save depends on must succeed, or the person starts over.
 * People start at different points of their loop, so that from the first second dashboards, reads
 * and saves of every kind run at once (rather than everyone's dashboard first).
 */
function stepsFor(user: LoadUser, scenario: Scenario, recorder: LoadRecorder): Step[] {
  const taskForceSlug = scenario.slug;
  const headers = { cookie: user.cookie };
  const jsonHeaders = { cookie: user.cookie, "content-type": "application/json" };
  let sequence = 0;
  let answers = 0;
  let gapVersion: number | undefined;
  let reportVersion: number | null | undefined;

  const read = (route: Route, path: string, onData?: (body: string) => void): Step => ({
    plan: () => ({ route, method: "GET", path, headers }),
    onResponse: (status, body) => {
      if (isSuccess(status)) onData?.(body);
    },
  });
  let written: WriteAttempt | undefined;
  const write = (route: Route, build: () => { kind: WriteKind; record: string; procedure: string; input: (marker: string) => unknown } | undefined): Step => ({
    plan: () => {
      const planned = build();
      if (!planned) return undefined;
      sequence += 1;
      const attempt: WriteAttempt = { kind: planned.kind, source: "load", record: planned.record, marker: `Load test ${scenario.runId} ${planned.kind} ${user.number}.${sequence}` };
      recorder.writes.push(attempt);
      written = attempt;
      const { path, body } = trpcMutation(planned.procedure, planned.input(attempt.marker));
      return { route, method: "POST", path, body, headers: jsonHeaders, write: attempt };
    },
    onResponse: (status, body) => {
      if (written) recorder.settle(written, status, body);
    },
  });

  const afterRead = (step: Step): Step => ({ ...step, afterRead: true });

  const dashboard = () => read(ROUTES.dashboard, `/tf/${taskForceSlug}/dashboard`);
  const readGap = read(ROUTES.gapGet, trpcQueryPath("gap.get", { taskForceSlug, gapId: user.gapId }), (body) => {
    gapVersion = readTrpcAnswer<{ gap: { version: number } }>(body).data?.gap.version;
  });
  const saveGap = afterRead(
    write(ROUTES.gapUpdate, () => {
      const version = gapVersion;
      // Each version is saved once: the next save needs the next read, as a form reloaded after saving would.
      gapVersion = undefined;
      if (version === undefined) return undefined;
      return { kind: "gap", record: user.gapId, procedure: "gap.update", input: (marker) => ({ taskForceSlug, gapId: user.gapId, version, description: marker }) };
    }),
  );
  const answer = write(ROUTES.answerSave, () => {
    // Each save answers the next element (a different starting point per person), as someone working through the form.
    const elementKey = scenario.elementKeys[(user.number + answers) % scenario.elementKeys.length] as string;
    const stage = ((user.number + answers) % 5) + 1;
    answers += 1;
    return {
      kind: "answer",
      record: `${user.userId}/${elementKey}`,
      procedure: "assessment.saveDraft",
      input: (marker) => ({ taskForceSlug, roundId: scenario.roundId, elementKey, answer: "stage", stage, rationale: marker }),
    };
  });
  const startAtYourPlace = (loop: Step[]) => {
    const starts = loop.flatMap((step, index) => (step.afterRead ? [] : [index]));
    const start = starts[user.number % starts.length] ?? 0;
    return [...loop.slice(start), ...loop.slice(0, start)];
  };
  const organizationId = user.reportsFor;
  if (organizationId === null) return startAtYourPlace([dashboard(), readGap, saveGap, dashboard(), answer]);

  const readReport = read(ROUTES.reportGet, trpcQueryPath("contribution.report", { taskForceSlug, period: scenario.period }), (body) => {
    reportVersion = readTrpcAnswer<{ report: { version: number } | null }>(body).data?.report?.version ?? null;
  });
  const saveReport = afterRead(
    write(ROUTES.reportSave, () => {
      const version = reportVersion;
      reportVersion = undefined;
      if (version === undefined) return undefined;
      return {
        kind: "contribution",
        record: `${organizationId}/${scenario.period}`,
        procedure: "contribution.saveDraft",
        input: (marker) => ({
          taskForceSlug,
          period: scenario.period,
          organizationId,
          version,
          values: { staffHours: sequence, trainingsDelivered: 1, outreachEvents: sequence % 4 },
          inKind: [{ description: marker, value: 25 }],
        }),
      };
    }),
  );
  return startAtYourPlace([dashboard(), readGap, saveGap, dashboard(), readReport, saveReport, answer]);
}

/** How long a person pauses after each answer before their next request, in seconds: uniformly between the two. */
export interface ThinkTime {
  min: number;
  max: number;
}

export interface LoadOptions {
  baseUrl: string;
  users: readonly LoadUser[];
  scenario: Scenario;
  durationSeconds: number;
  think: ThinkTime;
  recorder: LoadRecorder;
}

/** Long enough that a slow answer is measured as slow rather than dropped (a person would have given up sooner); a timeout still counts as an error. */
const REQUEST_TIMEOUT_MS = 120_000;

const pause = (think: ThinkTime) => (think.min + Math.random() * (think.max - think.min)) * 1000;

/**
 * Runs every person's loop until the duration has passed; requests sent by then are answered
 * before it resolves (so every write gets its answer). Resolves with the seconds it ran.
 */
export async function runLoad(options: LoadOptions): Promise<{ seconds: number }> {
  const { users, scenario, recorder, think } = options;
  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  const person = async (user: LoadUser) => {
    const steps = stepsFor(user, scenario, recorder);
    // People arrive spread over one pause, not all in the same millisecond.
    if (think.max > 0) await sleep(Math.random() * think.max * 1000);
    for (let index = 0; performance.now() < deadline; index = (index + 1) % steps.length) {
      const step = steps[index] as Step;
      const planned = step.plan();
      if (!planned) {
        index = -1; // start over: the loop's increment makes it 0
        continue;
      }
      await send(options.baseUrl, planned, step, recorder);
      const wait = Math.min(pause(think), deadline - performance.now());
      if (wait > 0) await sleep(wait);
    }
  };
  await Promise.all(users.map(person));
  return { seconds: (performance.now() - started) / 1000 };
}

async function send(baseUrl: string, planned: PlannedRequest, step: Step, recorder: LoadRecorder): Promise<void> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${planned.path}`, {
      method: planned.method,
      headers: planned.headers,
      body: planned.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    step.onResponse(response.status, body);
    recorder.response(planned.route, response.status, Buffer.byteLength(body), performance.now() - started);
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") recorder.timeout(planned.route);
    else recorder.connectionError(planned.route);
  }
}
