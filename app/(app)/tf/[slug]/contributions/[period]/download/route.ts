import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/requestContext";

/*
 * File downloads of a period's contributions (?file=csv|xlsx|template). The files are made by the
 * contribution.export and contribution.template procedures, called here with the request's own
 * context, so permissions, tenancy and suppression are exactly those of the API — no second path.
 */
export async function GET(request: Request, { params }: RouteContext<"/tf/[slug]/contributions/[period]/download">) {
  const { slug, period } = await params;
  const kind = new URL(request.url).searchParams.get("file");
  const caller = createCaller(await createRequestContext(request.headers));
  try {
    const file =
      kind === "template"
        ? await caller.contribution.template({ taskForceSlug: slug, period })
        : await caller.contribution.export({ taskForceSlug: slug, period, format: kind === "xlsx" ? "xlsx" : "csv" });
    return new Response(Buffer.from(file.base64, "base64"), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response(error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : error.code, { status: getHTTPStatusCodeFromError(error) });
    throw error;
  }
}
