import { downloadResponse } from "@/app/_trpc/fileDownload";

/** The import template: ?format=xlsx (both sheets), or ?format=csv&kind=organizations|people. */
export async function GET(request: Request, { params }: RouteContext<"/tf/[slug]/members/import/template">) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  return downloadResponse(request, (caller) =>
    caller.onboarding.template({
      taskForceSlug: slug,
      format: query.get("format") === "csv" ? "csv" : "xlsx",
      kind: query.get("kind") === "people" ? "people" : "organizations",
    }),
  );
}
