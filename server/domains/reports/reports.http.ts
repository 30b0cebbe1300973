import { DomainError } from "@/server/errors";
import { localeOf } from "@/server/lib/translate";
import type { SessionUser } from "@/server/trpc/context";
import { resolveTaskForceScope } from "@/server/trpc/scope";
import { reportFileName, reportToXlsx, sectionToCsv } from "./reports.export";
import { reportToPdf } from "./reports.pdf";
import { ReportInput } from "./reports.schemas";
import { getReport } from "./reports.service";

/*
 * The HTTP side of progress reports, for the route handler app/(app)/tf/[slug]/grants/reports/
 * [reportId]/export: files do not travel through tRPC. Access is report.get's — the same permission
 * and tenancy (resolveTaskForceScope), and a funder is told a report made for the task force
 * itself does not exist — so a file is refused exactly when its page is.
 */

const refused = (status: 401 | 404, text: string) => new Response(text, { status, headers: { "cache-control": "no-store" } });

function file(body: string | Uint8Array, contentType: string, name: string) {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" },
  });
}

/**
 * GET …/export?format=xlsx (one sheet per section), ?format=pdf (the whole report, as printed), or
 * ?format=csv&section=<key>. 401 without a session; 404 for a task force, report or section the
 * caller may not read or that does not exist.
 */
export async function handleReportExport(request: Request, user: SessionUser | null, slug: string, reportId: string): Promise<Response> {
  if (!user) return refused(401, "Not found");
  const resolved = await resolveTaskForceScope(user, slug, "report.generate");
  if ("refused" in resolved || !ReportInput.safeParse({ reportId }).success) return refused(404, "Not found");
  const { scope } = resolved;
  let report;
  try {
    report = await getReport(scope, { reportId });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return refused(404, "Not found");
    throw error;
  }
  const { content, generatedAt } = report;
  const generatedOn = generatedAt.toISOString().slice(0, 10);
  const params = new URL(request.url).searchParams;
  switch (params.get("format")) {
    case "csv": {
      const section = content.sections.find((candidate) => candidate.key === params.get("section"));
      if (!section) return refused(404, "Unknown section");
      return file(`\uFEFF${sectionToCsv(section)}`, "text/csv; charset=utf-8", reportFileName(content, generatedOn, "csv", section.key));
    }
    case "pdf":
      return file(await reportToPdf(content, generatedAt, scope.timeZone, localeOf(content)), "application/pdf", reportFileName(content, generatedOn, "pdf"));
    default:
      return file(await reportToXlsx(content, generatedAt), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reportFileName(content, generatedOn, "xlsx"));
  }
}
