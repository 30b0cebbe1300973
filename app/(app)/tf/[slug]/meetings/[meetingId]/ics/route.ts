import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/app/_trpc/server";

/** Downloads one meeting as an .ics file, for the signed-in person who may see the meeting. */
export async function GET(_request: Request, { params }: RouteContext<"/tf/[slug]/meetings/[meetingId]/ics">) {
  const { slug, meetingId } = await params;
  try {
    const caller = await serverCaller();
    const file = await caller.meeting.ics({ taskForceSlug: slug, meetingId });
    return new Response(file.text, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") return new Response("Sign in required", { status: 401 });
      // Not a member, not allowed or no such meeting: all look the same from outside.
      if (["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
