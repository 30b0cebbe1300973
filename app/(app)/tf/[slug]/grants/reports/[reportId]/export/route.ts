import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { reportFileName, reportToXlsx, sectionToCsv } from "@/server/domains/reports/reports.export";
import { createCaller } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/requestContext";

/**
 * A generated report as a file: ?format=xlsx (one sheet per section) or ?format=csv&section=<key>.
 * Access is the report.get procedure's: the same permission and tenancy checks as every page.
 */
export async function GET(request: Request, { params }: RouteContext<"/tf/[slug]/grants/reports/[reportId]/export">) {
  const { slug, reportId } = await params;
  const url = new URL(request.url);
  const caller = createCaller(await createRequestContext(await headers()));
  let report;
  try {
    report = await caller.report.get({ taskForceSlug: slug, reportId });
  } catch (error) {
    if (error instanceof TRPCError && ["UNAUTHORIZED", "NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: error.code === "UNAUTHORIZED" ? 401 : 404 });
    }
    throw error;
  }
  const generatedOn = report.generatedAt.toISOString().slice(0, 10);
  const disposition = (name: string) => `attachment; filename="${name}"`;
  if (url.searchParams.get("format") === "csv") {
    const section = report.content.sections.find((candidate) => candidate.key === url.searchParams.get("section"));
    if (!section) return new Response("Unknown section", { status: 404 });
    return new Response(`\uFEFF${sectionToCsv(section)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": disposition(reportFileName(report.content, generatedOn, "csv", section.key)),
        "cache-control": "private, no-store",
      },
    });
  }
  const body = await reportToXlsx(report.content, report.generatedAt);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": disposition(reportFileName(report.content, generatedOn, "xlsx")),
      "cache-control": "private, no-store",
    },
  });
}
