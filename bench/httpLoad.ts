import autocannon from "autocannon";
import { readTrpcAnswer, trpcMutation, trpcQueryPath } from "./httpWire";

/*
 * The load of the HTTP bench: autocannon with one connection per signed-in person, each sending
 * that person's own sequence of requests in a loop (autocannon's `requests`, set per connection in
 * `setupClient`). A save is built from what the read before it answered (the version the form was
 * loaded with), as the browser does. Every write carries a marker unique to the run, and every
 * answer to a write is recorded, so that afterwards the database can be checked for each one.
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

/** A step of a person's sequence. autocannon starts the sequence over when `setupRequest` returns nothing (its types leave that out). */
interface Step {
  setupRequest: (request: autocannon.Request) => autocannon.Request | undefined;
  onResponse: (status: number, body: string) => void;
  /** A save built from the read before it, so no sequence may start with it. */
  afterRead?: true;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** What a connection is doing right now: one request at a time (no pipelining), so one of each. */
interface InFlight {
  route: Route;
  write?: WriteAttempt;
}

/**
 * One person's loop: open the dashboard, edit their gap (read it, save it), open the dashboard
 * again, answer one element of the open round; a reporting officer also reads and saves their
 * agency's report. Reads that a save depends on must succeed, or the person starts over.
 * People start at different points of their loop, so that from the first second dashboards, reads
 * and saves of every kind run at once (rather than everyone's dashboard first).
 */
function stepsFor(user: LoadUser, scenario: Scenario, recorder: LoadRecorder, inFlight: InFlight): Step[] {
  const taskForceSlug = scenario.slug;
  const headers = { cookie: user.cookie };
  const jsonHeaders = { cookie: user.cookie, "content-type": "application/json" };
  let sequence = 0;
  let answers = 0;
  let gapVersion: number | undefined;
  let reportVersion: number | null | undefined;

  const read = (route: Route, path: string, onData?: (body: string) => void): Step => ({
    setupRequest: (request) => {
      inFlight.route = route;
      inFlight.write = undefined;
      return { ...request, method: "GET", path, headers };
    },
    onResponse: (status, body) => {
      if (isSuccess(status)) onData?.(body);
    },
  });
  const write = (route: Route, build: () => { kind: WriteKind; record: string; procedure: string; input: (marker: string) => unknown } | undefined): Step => ({
    setupRequest: (request) => {
      const planned = build();
      if (!planned) return undefined;
      sequence += 1;
      const attempt: WriteAttempt = { kind: planned.kind, source: "load", record: planned.record, marker: `Load test ${scenario.runId} ${planned.kind} ${user.number}.${sequence}` };
      recorder.writes.push(attempt);
      inFlight.route = route;
      inFlight.write = attempt;
      const { path, body } = trpcMutation(planned.procedure, planned.input(attempt.marker));
      return { ...request, method: "POST", path, body, headers: jsonHeaders };
    },
    onResponse: (status, body) => {
      if (inFlight.write) recorder.settle(inFlight.write, status, body);
    },
  });

  const afterRead = (step: Step): Step => ({ ...step, afterRead: true });

  // A new step object each time: autocannon keeps the built request on the object it is given.
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

export interface LoadOptions {
  baseUrl: string;
  users: readonly LoadUser[];
  scenario: Scenario;
  durationSeconds: number;
  recorder: LoadRecorder;
}

/** Runs the load to its end; resolves with autocannon's own summary. */
export async function runLoad(options: LoadOptions): Promise<autocannon.Result> {
  const { users, scenario, recorder } = options;
  let next = 0;
  return autocannon({
    url: options.baseUrl,
    connections: users.length,
    duration: options.durationSeconds,
    // Long enough that a slow answer is measured as slow rather than dropped (a person would have given up sooner); a timeout still counts as an error.
    timeout: 120,
    // Replaced per connection in setupClient; autocannon builds this one before it calls setupClient.
    requests: [{ method: "GET", path: "/login" }],
    setupClient: (client) => {
      const user = users[next++ % users.length] as LoadUser;
      const inFlight: InFlight = { route: ROUTES.dashboard };
      // setupRequest may return nothing (start over); autocannon handles it, its type declarations do not say so.
      client.setRequests(stepsFor(user, scenario, recorder, inFlight) as unknown as autocannon.Request[]);
      // autocannon calls the step's onResponse just before it emits "response", so inFlight still names this request.
      client.on("response", (status, bytes, ms) => recorder.response(inFlight.route, status, bytes, ms));
      // The client's other events, which @types/autocannon does not list (lib/httpClient.js emits them).
      const events: NodeJS.EventEmitter = client;
      events.on("timeout", () => recorder.timeout(inFlight.route));
      events.on("connError", () => recorder.connectionError(inFlight.route));
    },
  });
}
