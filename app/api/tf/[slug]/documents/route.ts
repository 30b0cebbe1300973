import { getSessionUser } from "@/server/auth/session";
import { handleDocumentUpload } from "@/server/domains/documents/documents.http";

export async function POST(request: Request, { params }: RouteContext<"/api/tf/[slug]/documents">) {
  const { slug } = await params;
  return handleDocumentUpload(request, await getSessionUser(), slug);
}
