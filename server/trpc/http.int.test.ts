import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import superjson from "superjson";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { getDb } from "@/db/client";
import { createAdmin, createTaskForceWithCoordinator, unique, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { publicBaseUrl } from "@/server/lib/publicUrl";
import type { Locale } from "@/server/lib/translate";
import type { Context, SessionUser } from "./context";
import { appRouter } from "./root";

/*
 * What a browser receives: the HTTP status and the JSON error body that forms and toasts read,
 * through the same fetch adapter as app/api/trpc/[trpc]/route.ts, with a test context.
 */

interface HttpResult {
  status: number;
  text: string;
  body: unknown;
}

async function request(user: SessionUser | null, path: string, input: unknown, method: "GET" | "POST", locale?: Locale): Promise<HttpResult> {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const serialized = JSON.stringify(superjson.serialize(input));
  if (method === "GET") url.searchParams.set("input", serialized);
  const req = new Request(url, {
    method,
    headers: { "content-type": "application/json" },
    body: method === "POST" ? serialized : undefined,
  });
  const context: Context = { user, clientAddress: "192.0.2.7", baseUrl: publicBaseUrl(req.headers), locale };
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => context });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const query = (user: SessionUser | null, path: string, input?: unknown) => request(user, path, input, "GET");
const mutation = (user: SessionUser | null, path: string, input: unknown, locale?: Locale) => request(user, path, input, "POST", locale);

/** The error as the tRPC client sees it after superjson, i.e. what `error.shape` holds in the browser. */
function errorShape(result: HttpResult) {
  const envelope = result.body as { error?: Parameters<typeof superjson.deserialize>[0] };
  if (!envelope.error) throw new Error(`expected an error response, got ${result.text}`);
  return superjson.deserialize<{ message: string; code: number; data: Record<string, unknown> }>(envelope.error);
}

describe("errors over HTTP", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let admin: TestUser;
  let consoleError: MockInstance<typeof console.error>;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    admin = await createAdmin();
  });

  beforeEach(() => {
    consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it("returns data on success", async () => {
    const result = await query(coordinator, "taskForce.get", { taskForceSlug: taskForce.slug });
    expect(result.status).toBe(200);
    const data = superjson.deserialize<{ slug: string; role: string }>((result.body as { result: { data: Parameters<typeof superjson.deserialize>[0] } }).result.data);
    expect(data).toMatchObject({ slug: taskForce.slug, role: "coordinator" });
  });

  it("gives invalid input as catalog keys per field, with status 400", async () => {
    const result = await mutation(coordinator, "invitation.create", { taskForceSlug: taskForce.slug, email: "not-an-email", role: "viewer" });
    expect(result.status).toBe(400);
    const shape = errorShape(result);
    expect(shape.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      path: "invitation.create",
      messageKey: "invalidInput",
      values: {},
      fieldErrors: { email: [{ key: "email" }] },
    });
  });

  it("gives several fields' problems at once, with their values", async () => {
    const result = await mutation(admin, "admin.taskForce.create", { slug: "ok-slug", name: "X", timeZone: "Mars/Olympus", coordinatorEmail: "" });
    expect(result.status).toBe(400);
    expect(errorShape(result).data.fieldErrors).toEqual({
      name: [{ key: "tooShort", values: { min: 3 }, text: "Use at least 3 characters." }],
      timeZone: [{ key: "timeZone", text: expect.stringMatching(/time zone/i) }],
      coordinatorEmail: [{ key: "email", text: expect.stringMatching(/email/i) }],
    });
  });

  it("words the refusal in the caller's language, so pages need not carry the error catalog", async () => {
    const result = await mutation(admin, "admin.taskForce.create", { slug: "ok-slug", name: "X", timeZone: "UTC", coordinatorEmail: "c@example.org" }, "es-US");
    expect(result.status).toBe(400);
    expect(errorShape(result).data).toMatchObject({
      messageKey: "invalidInput",
      text: "Algunos campos requieren su atención. Revise los mensajes que aparecen junto a ellos.",
      fieldErrors: { name: [{ key: "tooShort", values: { min: 3 }, text: "Use al menos 3 caracteres." }] },
    });
  });

  it("puts a domain error's message key on its field, with status 409 for a conflict", async () => {
    const slug = `dup-${unique()}`;
    const input = { slug, name: "Duplicate Test", timeZone: "UTC", coordinatorEmail: `c-${unique()}@example.org` };
    expect((await mutation(admin, "admin.taskForce.create", input)).status).toBe(200);
    const result = await mutation(admin, "admin.taskForce.create", input);
    expect(result.status).toBe(409);
    expect(errorShape(result).data).toMatchObject({
      code: "CONFLICT",
      messageKey: "slugTaken",
      values: { slug },
      fieldErrors: { slug: [{ key: "slugTaken", values: { slug } }] },
    });
  });

  it("asks an anonymous visitor to sign in, with status 401", async () => {
    const result = await query(null, "taskForce.mine");
    expect(result.status).toBe(401);
    expect(errorShape(result).data).toMatchObject({ code: "UNAUTHORIZED", messageKey: "signInRequired", fieldErrors: {} });
  });

  it("does not reveal another task force: 404 with a generic key", async () => {
    const { taskForce: other } = await createTaskForceWithCoordinator();
    const result = await query(coordinator, "people.list", { taskForceSlug: other.slug });
    expect(result.status).toBe(404);
    expect(errorShape(result).data).toMatchObject({ code: "NOT_FOUND", messageKey: "notFound" });
  });

  it("keeps an internal error's details on the server", async () => {
    const secret = `secret-detail-${unique()}`;
    const db = await getDb();
    await db.execute(
      sql.raw(`CREATE FUNCTION test_fail_organization() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${secret}'; END $$`),
    );
    await db.execute(sql.raw("CREATE TRIGGER test_fail_organization BEFORE INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION test_fail_organization()"));

    const result = await mutation(coordinator, "organization.create", { taskForceSlug: taskForce.slug, name: "Clinic", primaryDiscipline: "health" });
    expect(result.status).toBe(500);
    const shape = errorShape(result);
    expect(shape.message).toBe("Internal server error");
    expect(shape.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", messageKey: "internal", values: {}, fieldErrors: {} });
    expect(shape.data.stack).toBeUndefined();
    expect(result.text).not.toContain(secret);
    expect(result.text).not.toMatch(/insert into|Failed query|organizations|node_modules|\.ts:\d/i);
    // …which are logged for whoever runs the server.
    expect(consoleError).toHaveBeenCalled();
  });
});
