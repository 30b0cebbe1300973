import axe, { type AxeResults } from "axe-core";
import { expect, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { createFormatter, createTranslator } from "next-intl";
import en from "../app/i18n/messages/en.json";
import es from "../app/i18n/messages/es.json";
import { DEFAULT_FRAMEWORK_CONTENT } from "../server/domains/frameworks/defaultFrameworkContent";
import { frameworkInLanguage } from "../server/domains/frameworks/frameworkLanguage";
import type { FrameworkContent } from "../db/schema";
import type { Locale } from "../app/i18n/locales";
import { addDays, dateInZone } from "../server/lib/dates";
import { E2E_DEMO_PASSWORD, E2E_LOCALE } from "./settings";

/*
 * Shared helpers for the end-to-end specs. The server runs the production build on a fresh embedded
 * database seeded with the fictional demo (server/demo/seed.ts); these constants mirror that seed.
 */

const CATALOGS: Record<Locale, typeof en> = { en, "es-US": es };

/** The catalog of the language the suite reads the app in (E2E_LOCALE). */
export const messages = CATALOGS[E2E_LOCALE];

/** A catalog message with its values, as the app shows it (ICU plurals and selects included). */
export const translate = createTranslator({ locale: E2E_LOCALE, messages });

/** The shipped roadmap as pages show it in E2E_LOCALE (the demo task forces assess on it). */
const ROADMAP = frameworkInLanguage(DEFAULT_FRAMEWORK_CONTENT, E2E_LOCALE).content;

/** The name of one of the roadmap's elements, by key ("A.mission"), as pages show it in E2E_LOCALE. */
export function roadmapElementName(key: string): string {
  const element = ROADMAP.areas.flatMap((area) => area.elements).find((candidate) => candidate.key === key);
  if (!element) throw new Error(`the roadmap has no element ${key}`);
  return element.name;
}

/** A framework's content as the API gives it (as written, with its translations), as pages show it in E2E_LOCALE. */
export const frameworkAsShown = (content: FrameworkContent) => frameworkInLanguage(content, E2E_LOCALE).content;

/** The name of the roadmap's stage `number` (1 to 5), as pages show it in E2E_LOCALE. */
export function roadmapStageName(number: number): string {
  const stage = ROADMAP.stages.find((candidate) => candidate.number === number);
  if (!stage) throw new Error(`the roadmap has no stage ${number}`);
  return stage.name;
}

/** Dates, numbers and lists as the app formats them in E2E_LOCALE. */
export const format = createFormatter({ locale: E2E_LOCALE, timeZone: "UTC" });

/** A calendar day (YYYY-MM-DD) as the app writes it in a sentence or a table ("Oct 1, 2025"). */
export const mediumDate = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

/** A plain catalog message (no plural or select) with its {placeholders} filled in; unknown ones stay. */
export const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/**
 * The part of a catalog message before its placeholder or rich-text tag `name` ({name}, <name>): for a
 * text whose rest a test cannot know (a plural of an unknown count, a date).
 */
export const messageBefore = (message: string, name: string) => {
  const at = message.search(new RegExp(`\\{${name}\\b|<${name}>`));
  if (at < 0) throw new Error(`no {${name}} or <${name}> in “${message}”`);
  return message.slice(0, at);
};

/** `text` as a regular expression matches it, literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A plain catalog message as a regular expression, for texts with parts a test cannot know (a time,
 * a count): each {placeholder} matches its value (a string literally, a RegExp as its pattern) or,
 * without one, any text; the rest matches literally. `from: "start"` anchors it at the text's start,
 * `"whole"` at both ends.
 */
export function messagePattern(message: string, values: Record<string, string | number | RegExp> = {}, { from }: { from?: "start" | "whole" } = {}): RegExp {
  const source = message
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      const value = values[name];
      return value === undefined ? ".+?" : value instanceof RegExp ? `(?:${value.source})` : escapeRegExp(String(value));
    })
    .join("");
  return new RegExp(`${from ? "^" : ""}${source}${from === "whole" ? "$" : ""}`);
}

/**
 * A catalog message with its values (ICU plurals and selects included, as translate takes them) as a
 * regular expression, where a value given as a RegExp is a part the test cannot know (a share, a
 * name list) and matches as that pattern; `from` anchors it as messagePattern's does.
 */
export function translatePattern(
  key: Parameters<typeof translate>[0],
  values: Record<string, string | number | RegExp>,
  { from }: { from?: "start" | "whole" } = {},
): RegExp {
  const holes: RegExp[] = [];
  const plain = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value instanceof RegExp ? `\u0000${holes.push(value) - 1}\u0000` : value]),
  );
  const source = escapeRegExp(translate(key, plain)).replace(/\u0000(\d+)\u0000/g, (_, index: string) => `(?:${holes[Number(index)]!.source})`);
  return new RegExp(`${from ? "^" : ""}${source}${from === "whole" ? "$" : ""}`);
}

/** The start of the name of a respond page's choice of stage `number` ("Stage 3: Implementing", then its description). */
export const stageChoice = (number: number) => messagePattern(messages.assessments.stageOption, { number, name: roadmapStageName(number) }, { from: "start" });

/** What the respond page says once a round's response is submitted ("Submitted on …"). */
export const ROUND_SUBMITTED = new RegExp(`^${escapeRegExp(messageBefore(messages.assessments.submittedOn, "date"))}`);

/** What a contribution report's page says once it is submitted, on time or late (a past quarter may be past its due date). */
export const CONTRIBUTION_SUBMITTED = new RegExp(
  `^(?:${escapeRegExp(messages.contributions.submittedOk)}|${escapeRegExp(messages.contributions.submittedLateOk)})`,
);

/** An audit log entry's "what" ("Membership changed"), by the entity's and the action's keys. */
export const auditEntry = (entity: keyof typeof messages.audit.entities, action: keyof typeof messages.audit.actions) =>
  fill(messages.audit.entry, { entity: messages.audit.entities[entity], action: messages.audit.actions[action] });

/** A line of an audit log entry's "changes" ("Role: Viewer → Funder"), by the field's key and the values as the page shows them. */
export const auditChange = (field: keyof typeof messages.audit.fields, from: string | number, to: string | number) =>
  fill(messages.audit.change, { field: messages.audit.fields[field], from, to });

/** The demo accounts' password, set for the e2e server by playwright.config.ts. */
export const DEMO_PASSWORD = E2E_DEMO_PASSWORD;
export const RIVERBEND = "riverbend-demo";
export const LAKESHORE = "lakeshore-demo";
export const RIVERBEND_NAME = "Riverbend County Anti-Trafficking Task Force (demo)";
export const LAKESHORE_NAME = "Lakeshore Regional Task Force (demo)";
export const SHELTER_ORG = "Riverbend Safe Harbor Victim Services (demo)";

export const USERS = {
  admin: "admin@example.org",
  coordinator: "coordinator@example.org",
  member: "member@example.org",
  funder: "funder@example.org",
  viewer: "viewer@example.org",
  lakeshoreCoordinator: "coordinator.lakeshore@example.org",
} as const;

/** The demo task forces keep their calendar in Chicago (server/demo/seed.ts). */
export const DEMO_TIME_ZONE = "America/Chicago";

/**
 * A calendar date `days` from the demo task force's today, as YYYY-MM-DD. Never UTC's date (ahead
 * of Chicago from 18:00 or 19:00 local time), and calendar days rather than 24-hour steps, which
 * skip or repeat a date across a daylight-saving change.
 */
export function demoDateFromToday(days = 0): string {
  return addDays(dateInZone(new Date(), DEMO_TIME_ZONE), days);
}

/** The quarter `count` quarters before the demo task force's current one, as "2026-Q3". */
export function demoQuarterBack(count: number): string {
  const today = demoDateFromToday();
  const index = Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) - count;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The next-auth session cookie over plain http (next start on localhost). */
export const SESSION_COOKIE = "next-auth.session-token";

/** A fresh address per call, so tests never depend on each other's data or on run order. */
export function uniqueEmail(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `e2e-${prefix}-${Date.now().toString(36)}-${random}@example.org`;
}

/** A fresh password of at least 12 characters. */
export function uniquePassword(): string {
  return `e2e pass ${Math.random().toString(36).slice(2, 10)} ${Date.now().toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// Signing in
// ---------------------------------------------------------------------------------------------

/** Signs in through the sign-in form, as a person would, and waits until the app has left /login. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(messages.login.email).fill(email);
  await page.getByLabel(messages.login.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: messages.login.submit }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/**
 * Signs in through next-auth's HTTP endpoints without rendering the form: quicker for specs whose
 * subject is not the sign-in page. The session cookie lands in the request's browser context.
 */
export async function signInByApi(request: APIRequestContext, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok(), "GET /api/auth/csrf").toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
  });
  expect(response.ok(), `sign-in of ${email} answered ${response.status()}`).toBeTruthy();
  const body = (await response.json()) as { url?: string };
  expect(body.url ?? "", `sign-in of ${email} failed: ${body.url}`).not.toContain("error=");
}

/**
 * Collects next-intl's complaints about texts missing from the catalog namespaces a page sent
 * (app/i18n/ClientMessages.tsx); the returned list fills as the context's pages run.
 */
export function watchForMissingMessages(context: BrowserContext): string[] {
  const missing: string[] = [];
  context.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("MISSING_MESSAGE")) missing.push(`${message.page()?.url() ?? ""}: ${message.text()}`);
  });
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Moving between pages
// ---------------------------------------------------------------------------------------------

/** How long a router push may take to change the address before openInApp loads the page afresh. */
const ROUTER_PUSH_MS = 20_000;

/**
 * Opens `path` as a person following a link does: when the page already runs the app, through its
 * router (the browser fetches only the new page's data and code; a fresh load parses and runs every
 * script again, about twice the CPU), and waits until the address changes (to `path`, or to where
 * the server redirects it); otherwise, and for the address already shown (a reload), a fresh load.
 * Next.js exposes its router as `window.next.router` for tooling, from its first script on; a push
 * made before the page has hydrated can be dropped (seen once on a slow machine: the sign-in page's
 * status was visible, from the server's HTML, and the push went nowhere), so the page is given its
 * load first, and a push that moved nothing in ROUTER_PUSH_MS becomes a fresh load.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  const target = new URL(path, "http://app.invalid");
  await page.waitForLoadState("load").catch(() => undefined);
  const before = await page
    .evaluate((href) => {
      const router = (window as { next?: { router?: { push(href: string): void } } }).next?.router;
      if (!router || location.pathname + location.search === href) return null;
      const shown = location.href;
      router.push(href);
      return shown;
    }, target.pathname + target.search)
    .catch(() => null);
  if (before === null) await page.goto(path);
  else await page.waitForURL((url) => url.href !== before, { timeout: ROUTER_PUSH_MS }).catch(() => page.goto(path));
}

// ---------------------------------------------------------------------------------------------
// Waiting for a page to settle
// ---------------------------------------------------------------------------------------------

interface RequestsInFlight {
  pending: Set<Request>;
  lastChange: number;
}

const requestsOf = new WeakMap<Page, RequestsInFlight>();

/**
 * Counts a page's requests from now on, for waitForQuiet. The test's own pages are counted from
 * the start (e2e/test.ts); a page of a context a spec opens itself is counted from its first wait.
 */
export function countRequests(page: Page): RequestsInFlight {
  const known = requestsOf.get(page);
  if (known) return known;
  const requests: RequestsInFlight = { pending: new Set(), lastChange: Date.now() };
  const settle = (request: Request) => {
    requests.pending.delete(request);
    requests.lastChange = Date.now();
  };
  page.on("request", (request) => {
    requests.pending.add(request);
    requests.lastChange = Date.now();
  });
  page.on("requestfinished", settle);
  page.on("requestfailed", settle);
  requestsOf.set(page, requests);
  return requests;
}

const QUIET_MS = 500;
/** Longer than a page of this app ever keeps a request open; past it the page is taken as settled. */
const PENDING_CAP_MS = 10_000;

/**
 * Waits until the page has loaded and made no request for half a second, as Playwright's
 * `networkidle` would, but on our own count: in Chromium's headless shell a page sometimes never
 * reached `networkidle` although every request had finished, which hung the scan. A request still
 * counted as open after ten seconds is taken for such a lost event, and the wait ends. With
 * `afterNow`, the half second of quiet counts from the call, for requests that something just done
 * is about to start.
 */
export async function waitForQuiet(page: Page, { afterNow = false } = {}): Promise<void> {
  const requests = countRequests(page);
  await page.waitForLoadState("load");
  const started = Date.now();
  for (;;) {
    const now = Date.now();
    const quietFor = now - (afterNow ? Math.max(started, requests.lastChange) : requests.lastChange);
    if (quietFor >= QUIET_MS && (requests.pending.size === 0 || now - started >= PENDING_CAP_MS)) return;
    await page.waitForTimeout(Math.max(50, QUIET_MS - quietFor));
  }
}

/**
 * Scrolls to each chart's drawing, as a reader does, so that each is drawn (a drawing loads only when
 * it comes into the window: ChartFrame.tsx) and axe checks the drawings too. A chart inside something
 * closed (a disclosure, a hidden section) is not shown, so it is neither scrolled to nor waited for.
 */
export async function drawEveryChart(page: Page): Promise<void> {
  const shown = page.locator(".chart-canvas:visible");
  for (const canvas of await shown.all()) await canvas.scrollIntoViewIfNeeded();
  await expect(shown.locator(".chart-loading")).toHaveCount(0);
}

/** A new, isolated browser context and page signed in as `email` (for a second person in one test). */
export async function newSignedInPage(
  browser: Browser,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  countRequests(page);
  await signInByApi(page.request, email, password);
  return { context, page };
}

// ---------------------------------------------------------------------------------------------
// tRPC over HTTP (superjson transformer: inputs and outputs are wrapped in { json })
// ---------------------------------------------------------------------------------------------

export interface TrpcResult<T = unknown> {
  status: number;
  data?: T;
  error?: { code: string; httpStatus: number; messageKey?: string; message: string; raw: unknown };
}

async function readTrpc<T>(response: APIResponse): Promise<TrpcResult<T>> {
  const body = (await response.json()) as {
    result?: { data?: { json?: T } };
    error?: { json?: { message: string; data?: { code: string; httpStatus: number; messageKey?: string } } };
  };
  if (body.error) {
    const json = body.error.json;
    return {
      status: response.status(),
      error: {
        code: json?.data?.code ?? "UNKNOWN",
        httpStatus: json?.data?.httpStatus ?? response.status(),
        messageKey: json?.data?.messageKey,
        message: json?.message ?? "",
        raw: body.error,
      },
    };
  }
  return { status: response.status(), data: body.result?.data?.json as T };
}

export async function trpcQuery<T = unknown>(request: APIRequestContext, path: string, input?: unknown): Promise<TrpcResult<T>> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return readTrpc<T>(await request.get(`/api/trpc/${path}${query}`));
}

export async function trpcMutation<T = unknown>(request: APIRequestContext, path: string, input: unknown): Promise<TrpcResult<T>> {
  return readTrpc<T>(
    await request.post(`/api/trpc/${path}`, {
      data: JSON.stringify({ json: input }),
      headers: { "content-type": "application/json" },
    }),
  );
}

/** Unwraps a successful call, failing the test with the server's answer otherwise. */
export function ok<T>(result: TrpcResult<T>, what: string): T {
  expect(result.error, `${what} failed: ${JSON.stringify(result.error?.raw)}`).toBeUndefined();
  return result.data as T;
}

export interface Person {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  organizationId: string | null;
}

export async function listPeople(request: APIRequestContext, taskForceSlug: string): Promise<Person[]> {
  return ok(await trpcQuery<Person[]>(request, "people.list", { taskForceSlug }), "people.list");
}

export async function listOrganizations(request: APIRequestContext, taskForceSlug: string): Promise<{ id: string; name: string }[]> {
  return ok(await trpcQuery<{ id: string; name: string }[]>(request, "organization.list", { taskForceSlug }), "organization.list");
}

/**
 * Creates a brand-new account with a membership: a coordinator invites by API, the invitee accepts
 * with a new account by API. Returns the credentials, so a spec can sign in as a person of its own
 * and leave the shared demo accounts untouched.
 */
export async function createInvitedUser(
  browser: Browser,
  options: { role: "coordinator" | "member" | "funder" | "viewer"; prefix: string; taskForceSlug?: string; coordinator?: string; organizationName?: string },
): Promise<{ email: string; password: string; name: string }> {
  const taskForceSlug = options.taskForceSlug ?? RIVERBEND;
  const coordinator = options.coordinator ?? USERS.coordinator;
  const email = uniqueEmail(options.prefix);
  const password = uniquePassword();
  const name = `E2E ${options.prefix} ${Math.random().toString(36).slice(2, 6)}`;
  const { context } = await newSignedInPage(browser, coordinator);
  try {
    let organizationId: string | null = null;
    if (options.role === "member") {
      const organizations = await listOrganizations(context.request, taskForceSlug);
      const organization = options.organizationName ? organizations.find((org) => org.name === options.organizationName) : organizations[0];
      organizationId = organization?.id ?? null;
      expect(organizationId, "an organization to attach the member to").not.toBeNull();
    }
    const invitation = ok(
      await trpcMutation<{ link: string | null }>(context.request, "invitation.create", {
        taskForceSlug,
        email,
        role: options.role,
        organizationId,
      }),
      "invitation.create",
    );
    expect(invitation.link, "invitation link (SMTP is off in e2e)").toBeTruthy();
    const token = new URL(invitation.link ?? "").pathname.split("/").at(-1);
    const anonymous = await browser.newContext();
    try {
      ok(await trpcMutation(anonymous.request, "invitation.acceptWithNewAccount", { token, name, password }), "acceptWithNewAccount");
    } finally {
      await anonymous.close();
    }
  } finally {
    await context.close();
  }
  return { email, password, name };
}

/**
 * A new task force with a coordinator of its own: the administrator creates it, the invitee accepts
 * with a new account. Its records are the spec's own, and it never shows up in the task-force
 * switchers of the demo people that other specs look at.
 */
export async function createOwnTaskForce(browser: Browser, prefix: string) {
  const random = () => Math.random().toString(36).slice(2, 8);
  const slug = `e2e-${prefix}-${Date.now().toString(36)}-${random()}`;
  const name = `E2E ${prefix} task force ${random()}`;
  const coordinator = { email: uniqueEmail(prefix), password: uniquePassword(), name: `E2E ${prefix} coordinator ${random()}` };
  const { context } = await newSignedInPage(browser, USERS.admin);
  try {
    const created = ok(
      await trpcMutation<{ invitation: { link: string | null } }>(context.request, "admin.taskForce.create", {
        name,
        slug,
        timeZone: "America/Chicago",
        coordinatorEmail: coordinator.email,
      }),
      "admin.taskForce.create",
    );
    const token = new URL(created.invitation.link ?? "").pathname.split("/").at(-1);
    const anonymous = await browser.newContext();
    try {
      ok(await trpcMutation(anonymous.request, "invitation.acceptWithNewAccount", { token, name: coordinator.name, password: coordinator.password }), "acceptWithNewAccount");
    } finally {
      await anonymous.close();
    }
  } finally {
    await context.close();
  }
  return { slug, name, coordinator };
}

// ---------------------------------------------------------------------------------------------
// Assessment rounds
// ---------------------------------------------------------------------------------------------

/** A round only the demo member is asked in, created and opened by the coordinator through the API; returns its id. */
export async function openRoundForMember(browser: Browser, title: string): Promise<string> {
  const { context } = await newSignedInPage(browser, USERS.coordinator);
  try {
    const member = (await listPeople(context.request, RIVERBEND)).find((person) => person.email === USERS.member);
    expect(member, "the demo member").toBeDefined();
    const { id } = ok(
      await trpcMutation<{ id: string }>(context.request, "assessment.create", {
        taskForceSlug: RIVERBEND,
        title,
        opensOn: demoDateFromToday(0),
        closesOn: demoDateFromToday(10),
        audience: "chosen",
        userIds: [member?.userId],
      }),
      "assessment.create",
    );
    ok(await trpcMutation(context.request, "assessment.open", { taskForceSlug: RIVERBEND, roundId: id }), "assessment.open");
    return id;
  } finally {
    await context.close();
  }
}

/** The respond page's links to its areas of function (it shows one area's elements at a time). */
export const respondAreaLinks = (page: Page) => page.getByRole("navigation", { name: messages.assessments.areasNav }).getByRole("link");

/** The element questions of the area the respond page shows (the other areas' are hidden). */
export const shownElements = (page: Page) => page.locator("fieldset.element-question:visible");

/**
 * Answers every element on the respond page, area after area through its area links: the element
 * at `index` in the framework's order gets the radio `answerFor(index)` names. Returns the number
 * of elements answered.
 */
export async function answerEveryElement(page: Page, answerFor: (index: number) => string | RegExp): Promise<number> {
  const areas = respondAreaLinks(page);
  const areaCount = await areas.count();
  expect(areaCount, "the respond page's areas").toBeGreaterThan(0);
  let index = 0;
  for (let area = 0; area < areaCount; area += 1) {
    await areas.nth(area).click();
    // The area shown changes with the link marked current (one render), so its elements are the ones visible now.
    await expect(areas.nth(area)).toHaveAttribute("aria-current", "step");
    const elements = shownElements(page);
    const inArea = await elements.count();
    for (let element = 0; element < inArea; element += 1, index += 1) {
      await elements.nth(element).getByRole("radio", { name: answerFor(index) }).check();
    }
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core run in the page itself, injected once per document: pages opened through the app's
 * router keep it from one scan to the next. (@axe-core/playwright injects it again for every scan
 * and finishes each run in a new blank page, which cost more than twice the CPU; the app has no
 * frames, which that path is for.)
 */
async function runAxe(page: Page): Promise<AxeResults> {
  const injected = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
}

/**
 * Runs axe on the page as it is now and expects no violation at all. When there are some, the
 * failure message lists each rule with its impact, help text and the offending elements.
 */
export async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  // Client components render after hydration; scan what a person sees, not a half-loaded page.
  await waitForQuiet(page);
  await drawEveryChart(page);
  const results = await runAxe(page);
  // A scan that checked nothing (an empty or crashed page) must not count as a pass.
  expect(results.passes.length, `axe checked nothing on ${label ?? page.url()}`).toBeGreaterThan(0);
  const readable = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
        .join("\n");
      return `[${violation.impact ?? "?"}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
  // Compared by rule id, so the failure shows the readable list above rather than axe's raw objects.
  expect(
    results.violations.map((violation) => violation.id),
    `axe violations on ${label ?? page.url()}:\n\n${readable}`,
  ).toEqual([]);
}
