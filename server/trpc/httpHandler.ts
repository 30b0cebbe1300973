import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import { withNoticeMail } from "@/server/domains/notifications";
import { readBodyWithin, requestWithBody } from "@/server/lib/requestBody";
import { localeOfRequest } from "@/server/lib/translate";
import type { Context } from "./context";
import { explainError } from "./errorText";
import { bodyLimitOf, MAX_TRPC_BATCH_SIZE } from "./limits";
import { appRouter } from "./root";

/** A refusal in the same shape as the error formatter's (messageKey, values, fieldErrors, text), for forms and toasts. */
function refusal(req: Request, status: number, messageKey: string) {
  // The body was refused before the session is read: the device's language (cookie, browser) words it.
  const data = explainError({ messageKey, values: {}, fieldErrors: {} }, localeOfRequest(req.headers, null));
  return Response.json(
    { error: { json: { message: messageKey, code: status === 413 ? -32413 : -32600, data: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", httpStatus: status, ...data } } } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * Serves /api/trpc. The body is read with its size limit enforced while reading (a chunked request
 * has no Content-Length to check first) and a batch of more than MAX_TRPC_BATCH_SIZE calls is
 * refused by tRPC itself (`maxBatchSize`, checked before the context is created or an input is
 * parsed), so one request can never make the server do more than a page's worth of work. A call
 * whose input is a whole file (an administrator's task force import) alone has a limit of its own.
 */
export async function handleTrpcRequest(req: Request, createContext: (options: FetchCreateContextFnOptions) => Promise<Context>) {
  let request = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const path = decodeURIComponent(new URL(req.url).pathname.replace(/^\/api\/trpc\/?/, ""));
    const body = await readBodyWithin(req, bodyLimitOf(path));
    if (!body.ok) return body.reason === "tooLarge" ? refusal(req, 413, "requestTooLarge") : refusal(req, 400, "invalidInput");
    request = requestWithBody(req, body.bytes);
  }
  // A change may write notices someone wants by email at once: they go when it has answered.
  return withNoticeMail(() =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext,
    }),
  );
}
