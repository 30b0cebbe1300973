import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/requestContext";

/*
 * "Download everything": the task force archive, made by the taskForce.export procedure with the
 * request's own context, so permission (coordinators only) and tenancy are exactly the API's. POST,
 * because the export writes an audit entry, and a cross-site page cannot post with the session
 * cookie (SameSite=Lax).
 */
export async function POST(request: Request, { params }: RouteContext<"/tf/[slug]/settings/export">) {
  const { slug } = await params;
  const caller = createCaller(await createRequestContext(request.headers));
  try {
    const file = await caller.taskForce.export({ taskForceSlug: slug });
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
