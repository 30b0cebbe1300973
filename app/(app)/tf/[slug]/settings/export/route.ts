import { downloadResponse } from "@/app/_trpc/fileDownload";

/*
 * "Download everything": the task force archive, made by the taskForce.export procedure (coordinators
 * only). POST, because the export writes an audit entry, and a cross-site page cannot post with the
 * session cookie (SameSite=Lax).
 */
export async function POST(request: Request, { params }: RouteContext<"/tf/[slug]/settings/export">) {
  const { slug } = await params;
  return downloadResponse(request, (caller) => caller.taskForce.export({ taskForceSlug: slug }));
}
