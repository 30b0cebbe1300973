import { getSessionUser } from "@/server/auth/session";
import { handleDocumentDownload } from "@/server/domains/documents/documents.http";

export async function GET(request: Request, { params }: RouteContext<"/api/tf/[slug]/documents/[documentId]">) {
  const { slug, documentId } = await params;
  return handleDocumentDownload(request, await getSessionUser(), slug, documentId);
}
