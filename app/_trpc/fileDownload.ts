import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/requestContext";

/** A file as the procedures that make downloads return it. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  base64: string;
}

type Caller = ReturnType<typeof createCaller>;

/**
 * A route handler's download: the file is made by a procedure called with the request's own
 * context, so permission, tenancy and suppression are exactly the API's (no second path to the
 * data); a refusal answers with its HTTP status and code, never a stack.
 */
export async function downloadResponse(request: Request, make: (caller: Caller) => Promise<DownloadFile>): Promise<Response> {
  const caller = createCaller(await createRequestContext(request.headers));
  try {
    const file = await make(caller);
    return new Response(Buffer.from(file.base64, "base64"), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      return new Response(error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : error.code, { status: getHTTPStatusCodeFromError(error) });
    }
    throw error;
  }
}
