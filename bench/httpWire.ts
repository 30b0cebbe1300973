/*
 * What the HTTP benches send and read, in the shapes the browser uses: next-auth's credentials
 * sign-in, and tRPC calls as `httpBatchLink` with the superjson transformer sends them
 * (app/_trpc/client.tsx): `?batch=1`, inputs as `{"0":{"json":…}}`, answers as an array, one
 * element per call.
 */

/**
 * The path of queries sent together, as the browser's batch link requests those that start in the
 * same tick: `/api/trpc/a,b?batch=1&input={"0":…,"1":…}`.
 */
export function trpcBatchPath(calls: readonly { procedure: string; input: unknown }[]): string {
  const inputs = Object.fromEntries(calls.map((call, index) => [index, { json: call.input }]));
  return `/api/trpc/${calls.map((call) => call.procedure).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

/** The path of a tRPC query, as the browser's batch link requests it. */
export function trpcQueryPath(procedure: string, input: unknown): string {
  return trpcBatchPath([{ procedure, input }]);
}

/** The path and body of a tRPC mutation, as the browser's batch link posts it. */
export function trpcMutation(procedure: string, input: unknown): { path: string; body: string } {
  return { path: `/api/trpc/${procedure}?batch=1`, body: JSON.stringify({ 0: { json: input } }) };
}

export interface TrpcAnswer<T> {
  data?: T;
  /** tRPC's error code (CONFLICT, NOT_FOUND …) and the app's message key, when the call failed. */
  error?: { code: string; messageKey?: string };
}

/** Reads the answer of a one-call batch; a body that is not one (an HTML error page, a proxy's answer) reads as an error. */
export function readTrpcAnswer<T>(body: string): TrpcAnswer<T> {
  try {
    const [first] = JSON.parse(body) as [{ result?: { data?: { json?: T } }; error?: { json?: { data?: { code?: string; messageKey?: string } } } }];
    if (first?.error) return { error: { code: first.error.json?.data?.code ?? "UNKNOWN", messageKey: first.error.json?.data?.messageKey } };
    return { data: first?.result?.data?.json };
  } catch {
    return { error: { code: "NOT_TRPC" } };
  }
}

/** `name=value` of every cookie a response sets, for a Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "").filter(Boolean);
}

/**
 * Signs in through next-auth's endpoints as the sign-in form does (its CSRF cookie and token, then
 * the credentials callback) and returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/", json: "true" }),
  });
  const answer = (await response.json().catch(() => ({}))) as { url?: string };
  // next-auth answers a refused sign-in with 200 too, naming the reason in the URL (CredentialsSignin, RateLimited).
  const refused = answer.url ? new URL(answer.url, baseUrl).searchParams.get("error") : "no answer";
  const session = cookiesOf(response).filter((cookie) => cookie.startsWith("next-auth.session-token"));
  if (!response.ok || refused || session.length === 0) throw new Error(`sign-in of ${email} failed: ${response.status} ${refused ?? "no session cookie"}`);
  return session.join("; ");
}
