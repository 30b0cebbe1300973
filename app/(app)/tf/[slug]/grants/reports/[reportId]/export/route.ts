import { getSessionUser } from "@/server/auth/session";
import { handleReportExport } from "@/server/domains/reports/reports.http";

/**
 * A generated report as a file: ?format=xlsx (one sheet per section), ?format=pdf, or
 * ?format=csv&section=<key>. Access is the report.get procedure's (server/domains/reports/reports.http.ts).
 */
export async function GET(request: Request, { params }: RouteContext<"/tf/[slug]/grants/reports/[reportId]/export">) {
  const { slug, reportId } = await params;
  return handleReportExport(request, await getSessionUser(), slug, reportId);
}
