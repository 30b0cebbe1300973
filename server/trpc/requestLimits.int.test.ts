import { eq, like } from "drizzle-orm";
import superjson from "superjson";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { callerFor, createAdmin, createMember, createTaskForceWithCoordinator, createUser, unique, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { hashPassword } from "@/server/auth/password";
import { publicBaseUrl } from "@/server/lib/publicUrl";
import { handleDocumentUpload } from "@/server/domains/documents/documents.http";
import { MAX_DOCUMENT_BYTES } from "@/server/domains/documents/documents.rules";
import {
  DEFAULT_PUBLIC_REQUESTS_PER_ADDRESS,
  limitPublicRequest,
  PUBLIC_REQUEST_WINDOW_MINUTES,
  publicRequestsPerAddress,
} from "@/server/domains/rateLimits/rateLimits.service";
import type { Context } from "./context";
import { handleTrpcRequest } from "./httpHandler";
import { FILE_INPUT_BODY_BYTES, MAX_TRPC_BATCH_SIZE, MAX_TRPC_BODY_BYTES } from "./limits";
import { MAX_ARCHIVE_BYTES } from "@/server/domains/taskForceArchive/archive.format";

/*
 * Expensive requests are bounded (issue 15, item 2): what one anonymous or signed-in request can
 * make the server do. Each limit is checked as an attacker would meet it, through the same HTTP
 * handler as app/api/trpc/[trpc]/route.ts and the document upload route.
 */

// Counts argon2 hashes while keeping the real implementation (the factories hash passwords too).
vi.mock("@/server/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/auth/password")>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

const hashes = vi.mocked(hashPassword);

/**
 * A stream that hands out `chunkBytes` at a time, as long as it is asked (up to 64 MiB, so that a
 * handler which reads it whole fails the test instead of running out of memory), and records how
 * much was taken.
 */
function endlessBody(chunkBytes = 64 * 1024, fill = 0x61) {
  const stats = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(chunkBytes).fill(fill);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= 64 * 1024 * 1024) return controller.close();
      stats.pulled += chunk.byteLength;
      controller.enqueue(chunk.slice());
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

function chunkedPost(url: string, stream: ReadableStream<Uint8Array>, contentType: string) {
  // No Content-Length: the body is sent chunked, its size unknown until it ends.
  return new Request(url, { method: "POST", headers: { "content-type": contentType }, body: stream, duplex: "half" } as RequestInit);
}

interface HttpCall {
  status: number;
  body: unknown;
  contextCreated: boolean;
}

async function send(request: Request, user: TestUser | null = null, clientAddress = `198.51.100.${Math.floor(Math.random() * 250) + 1}`): Promise<HttpCall> {
  let contextCreated = false;
  const response = await handleTrpcRequest(request, async () => {
    contextCreated = true;
    const context: Context = { user: user && { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, clientAddress, baseUrl: publicBaseUrl(request.headers) };
    return context;
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, contextCreated };
}

const batchUrl = (paths: string[]) => `http://localhost/api/trpc/${paths.join(",")}?batch=1`;

function batchInput(inputs: unknown[]) {
  return JSON.stringify(Object.fromEntries(inputs.map((input, index) => [index, superjson.serialize(input)])));
}

function errorData(body: unknown): Record<string, unknown> {
  const envelope = (Array.isArray(body) ? body[0] : body) as { error: Parameters<typeof superjson.deserialize>[0] };
  return superjson.deserialize<{ data: Record<string, unknown> }>(envelope.error).data;
}

async function rateLimitRows(prefix: string) {
  return (await getDb()).select().from(rateLimits).where(like(rateLimits.key, `${prefix}%`));
}

describe("tRPC batches", () => {
  let coordinator: TestUser;
  let taskForce: TestTaskForce;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
  });

  it("serves a batch as large as the limit", async () => {
    const paths = Array.from({ length: MAX_TRPC_BATCH_SIZE }, () => "taskForce.get");
    const url = new URL(batchUrl(paths));
    url.searchParams.set("input", batchInput(paths.map(() => ({ taskForceSlug: taskForce.slug }))));
    const result = await send(new Request(url), coordinator);
    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(MAX_TRPC_BATCH_SIZE);
  });

  it("refuses a larger batch with 400 before any procedure runs: no context, no rate-limit count, no hash", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const calls = MAX_TRPC_BATCH_SIZE + 1;
    const input = { token: "t".repeat(43), name: "Batch Person", password: "a long enough password 1" };
    hashes.mockClear();
    const result = await send(
      new Request(batchUrl(Array.from({ length: calls }, () => "invitation.acceptWithNewAccount")), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: batchInput(Array.from({ length: calls }, () => input)),
      }),
      null,
      address,
    );
    expect(result.status).toBe(400);
    expect(result.contextCreated).toBe(false);
    expect(hashes).not.toHaveBeenCalled();
    expect(await rateLimitRows(`public:address:${address}`)).toEqual([]);
  });

  it("refuses an over-large batch of queries sent as GET too", async () => {
    const paths = Array.from({ length: 200 }, () => "account.me");
    const result = await send(new Request(batchUrl(paths)), coordinator);
    expect(result.status).toBe(400);
    expect(result.contextCreated).toBe(false);
  });
});

describe("tRPC request bodies", () => {
  let coordinator: TestUser;
  let taskForce: TestTaskForce;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
  });

  it("reads a body the size of the largest legitimate input (a 1,000,000-character CSV import) and hands it to the procedure", async () => {
    // Three bytes per character in UTF-8: the worst case for text a person could type.
    const csv = "€".repeat(1_000_000);
    // An invalid period, so the procedure answers from its input schema without importing anything.
    const body = JSON.stringify(superjson.serialize({ taskForceSlug: taskForce.slug, period: "not-a-period", csv }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(3_000_000);
    const result = await send(
      new Request("http://localhost/api/trpc/contribution.importCsv", { method: "POST", headers: { "content-type": "application/json" }, body }),
      coordinator,
    );
    expect(result.contextCreated).toBe(true);
    expect(result.status).toBe(400);
    expect(errorData(result.body)).toMatchObject({ messageKey: "invalidInput", fieldErrors: { period: [expect.anything()] } });
    expect(Object.keys(errorData(result.body).fieldErrors as object)).toEqual(["period"]);
  });

  it("lets a task force archive through to the administrator's import alone, never in a batch or to another procedure", async () => {
    // Bigger than any page's input, smaller than an archive may be.
    const archiveBase64 = "A".repeat(MAX_TRPC_BODY_BYTES + 1024);
    const body = JSON.stringify(superjson.serialize({ archiveBase64, slug: "not a slug!" }));
    const admin = await createAdmin();
    const alone = await send(new Request("http://localhost/api/trpc/admin.taskForce.import", { method: "POST", headers: { "content-type": "application/json" }, body }), admin);
    expect(alone.contextCreated).toBe(true);
    expect(errorData(alone.body)).toMatchObject({ messageKey: "invalidInput", fieldErrors: { slug: [expect.anything()] } });
    const elsewhere = await send(new Request("http://localhost/api/trpc/contribution.importCsv", { method: "POST", headers: { "content-type": "application/json" }, body }), coordinator);
    expect(elsewhere.status).toBe(413);
    const batched = await send(new Request(batchUrl(["admin.taskForce.import", "contribution.importCsv"]), { method: "POST", headers: { "content-type": "application/json" }, body: batchInput([{ archiveBase64 }, {}]) }), admin);
    expect(batched.status).toBe(413);
    // The allowance covers the largest archive the import accepts, as base64 in its JSON envelope.
    expect(FILE_INPUT_BODY_BYTES["admin.taskForce.import"]).toBeGreaterThan((Math.ceil(MAX_ARCHIVE_BYTES / 3) * 4) * 1.01);
  });

  it("refuses a body whose Content-Length is over the limit with 413, before reading it or creating a context", async () => {
    const { stream, stats } = endlessBody();
    const request = new Request("http://localhost/api/trpc/invitation.acceptWithNewAccount", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_TRPC_BODY_BYTES + 1) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const result = await send(request);
    expect(result.status).toBe(413);
    expect(result.contextCreated).toBe(false);
    expect(errorData(result.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", messageKey: "requestTooLarge" });
    expect(stats.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("stops reading a chunked body (no Content-Length) as soon as it passes the limit, with 413", async () => {
    const { stream, stats } = endlessBody();
    hashes.mockClear();
    const result = await send(chunkedPost("http://localhost/api/trpc/invitation.acceptWithNewAccount", stream, "application/json"));
    expect(result.status).toBe(413);
    expect(result.contextCreated).toBe(false);
    expect(hashes).not.toHaveBeenCalled();
    // The endless stream was read up to the limit and a chunk or two of read-ahead, then cancelled.
    expect(stats.pulled).toBeGreaterThan(MAX_TRPC_BODY_BYTES);
    expect(stats.pulled).toBeLessThanOrEqual(MAX_TRPC_BODY_BYTES + 4 * 64 * 1024);
    expect(stats.cancelled).toBe(true);
  });
});

describe("document uploads", () => {
  let coordinator: TestUser;
  let taskForce: TestTaskForce;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
  });

  it("refuses an oversized chunked upload with 413 while reading, never holding the whole body", async () => {
    const { stream, stats } = endlessBody(256 * 1024);
    const request = chunkedPost(
      `http://localhost/api/tf/${taskForce.slug}/documents?target=mou&recordId=${crypto.randomUUID()}`,
      stream,
      "multipart/form-data; boundary=----limit",
    );
    const response = await handleDocumentUpload(request, coordinator, taskForce.slug);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ messageKey: "documentTooLarge", fieldErrors: { file: [{ key: "documentTooLarge" }] } });
    expect(stats.pulled).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    expect(stats.pulled).toBeLessThan(MAX_DOCUMENT_BYTES + 2 * 1024 * 1024);
    expect(stats.cancelled).toBe(true);
  });

  it("reads nothing of an upload from someone without the right to make it", async () => {
    const { user: viewer } = await createMember(taskForce, "viewer");
    const { stream, stats } = endlessBody();
    const request = chunkedPost(
      `http://localhost/api/tf/${taskForce.slug}/documents?target=mou&recordId=${crypto.randomUUID()}`,
      stream,
      "multipart/form-data; boundary=----limit",
    );
    const response = await handleDocumentUpload(request, viewer, taskForce.slug);
    expect(response.status).toBe(403);
    expect(stats.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
});

describe("accepting an invitation with a new account", () => {
  let coordinator: TestUser;
  let taskForce: TestTaskForce;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
  });

  beforeEach(() => {
    hashes.mockClear();
  });

  const accept = (token: string, address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) =>
    callerFor(null, { clientAddress: address }).invitation.acceptWithNewAccount({ token, name: "New Person", password: "a long enough password 1" });

  it("checks the token before hashing: an unknown token costs no hash", async () => {
    const error = await trpcErrorOf(accept("u".repeat(43)), "NOT_FOUND");
    expect(error.message).toContain("invitationNotFound");
    expect(hashes).not.toHaveBeenCalled();
  });

  it("a revoked token costs no hash", async () => {
    const { invitationId, link } = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: `revoked-${unique()}@example.org`, role: "viewer" });
    await callerFor(coordinator).invitation.revoke({ taskForceSlug: taskForce.slug, invitationId });
    hashes.mockClear();
    await trpcErrorOf(accept(new URL(link ?? "").pathname.split("/").at(-1) ?? ""), "PRECONDITION_FAILED");
    expect(hashes).not.toHaveBeenCalled();
  });

  it("an invitation for an email that already has an account costs no hash", async () => {
    const existing = await createUser();
    const { link } = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: existing.email, role: "viewer" });
    hashes.mockClear();
    await trpcErrorOf(accept(new URL(link ?? "").pathname.split("/").at(-1) ?? ""), "CONFLICT");
    expect(hashes).not.toHaveBeenCalled();
  });

  it("a valid token hashes the password once and creates the account", async () => {
    const email = `joiner-${unique()}@example.org`;
    const { link } = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "viewer" });
    hashes.mockClear();
    const joined = await accept(new URL(link ?? "").pathname.split("/").at(-1) ?? "");
    expect(joined).toMatchObject({ taskForceSlug: taskForce.slug, email });
    expect(hashes).toHaveBeenCalledTimes(1);
    const [row] = await (await getDb()).select({ email: users.email }).from(users).where(eq(users.email, email));
    expect(row?.email).toBe(email);
  });
});

describe("public procedures' own rate limit", () => {
  // A deployment's own limit, small so the tests need few calls; the default is checked on its own.
  const LIMIT = 25;
  beforeEach(() => vi.stubEnv("PUBLIC_REQUESTS_PER_ADDRESS", String(LIMIT)));
  afterEach(() => vi.unstubAllEnvs());

  it("allows 300 calls per address by default, enough for an office of fifty behind one address", () => {
    expect(DEFAULT_PUBLIC_REQUESTS_PER_ADDRESS).toBe(300);
    expect(publicRequestsPerAddress({})).toBe(300);
    expect(publicRequestsPerAddress({ PUBLIC_REQUESTS_PER_ADDRESS: "1000" })).toBe(1000);
  });

  it(`allows the configured number of calls per address in ${PUBLIC_REQUEST_WINDOW_MINUTES} minutes, then refuses with TOO_MANY_REQUESTS`, async () => {
    const address = `198.18.0.${Math.floor(Math.random() * 250) + 1}`;
    const lookup = (from: string) => callerFor(null, { clientAddress: from }).invitation.lookup({ token: "n".repeat(43) });
    for (let call = 0; call < LIMIT; call += 1) await trpcErrorOf(lookup(address), "NOT_FOUND");
    const refused = await trpcErrorOf(lookup(address), "TOO_MANY_REQUESTS");
    expect(refused.message).toContain("tooManyRequests");
    // Malformed input is counted too (the limit runs before the input is parsed) and still refused.
    await trpcErrorOf(callerFor(null, { clientAddress: address }).invitation.lookup({ token: "" }), "TOO_MANY_REQUESTS");
    // Another address is not affected.
    await trpcErrorOf(lookup(`198.19.0.${Math.floor(Math.random() * 250) + 1}`), "NOT_FOUND");
    const [row] = await rateLimitRows(`public:address:${address}`);
    expect(row?.attempts).toBe(LIMIT + 2);
  });

  it("counts parallel calls atomically: exactly the limit gets through", async () => {
    const address = `198.18.1.${Math.floor(Math.random() * 250) + 1}`;
    const outcomes = await Promise.all(
      Array.from({ length: LIMIT + 20 }, () =>
        limitPublicRequest(address).then(
          () => "allowed",
          () => "refused",
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "allowed")).toHaveLength(LIMIT);
  });

  it("starts a new window once the last one has passed", async () => {
    const address = `198.18.2.${Math.floor(Math.random() * 250) + 1}`;
    const start = new Date("2026-03-01T10:00:00Z");
    for (let call = 0; call < LIMIT; call += 1) await limitPublicRequest(address, start);
    await expect(limitPublicRequest(address, new Date(start.getTime() + 60_000))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(limitPublicRequest(address, new Date(start.getTime() + (PUBLIC_REQUEST_WINDOW_MINUTES + 1) * 60_000))).resolves.toBeUndefined();
  });

  it("does not count the status reads every page makes, so an office's page views leave its invitations alone", async () => {
    const address = `198.18.4.${Math.floor(Math.random() * 250) + 1}`;
    for (const caller of [callerFor(null, { clientAddress: address }), callerFor(await createUser(), { clientAddress: address })]) {
      for (let call = 0; call < LIMIT + 5; call += 1) {
        await caller.demo.status();
        await caller.account.resetByEmail();
      }
    }
    expect(await rateLimitRows(`public:address:${address}`)).toEqual([]);
    await trpcErrorOf(callerFor(null, { clientAddress: address }).invitation.lookup({ token: "n".repeat(43) }), "NOT_FOUND");
  });

  it("does not limit signed-in procedures by address", async () => {
    const address = `198.18.3.${Math.floor(Math.random() * 250) + 1}`;
    const user = await createUser();
    for (let call = 0; call < LIMIT + 5; call += 1) await callerFor(user, { clientAddress: address }).account.me();
    expect(await rateLimitRows(`public:address:${address}`)).toEqual([]);
  });
});
