import { downloadResponse } from "@/app/_trpc/fileDownload";

/*
 * File downloads of a period's contributions (?file=csv|xlsx|template), made by the
 * contribution.export and contribution.template procedures, suppression included.
 */
export async function GET(request: Request, { params }: RouteContext<"/tf/[slug]/contributions/[period]/download">) {
  const { slug, period } = await params;
  const kind = new URL(request.url).searchParams.get("file");
  return downloadResponse(request, (caller) =>
    kind === "template"
      ? caller.contribution.template({ taskForceSlug: slug, period })
      : caller.contribution.export({ taskForceSlug: slug, period, format: kind === "xlsx" ? "xlsx" : "csv" }),
  );
}
