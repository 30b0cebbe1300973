import { calendarFeed } from "@/server/domains/meetings/calendar.service";
import { publicBaseUrl } from "@/server/lib/publicUrl";

/**
 * A person's calendar feed, polled by calendar apps that cannot sign in: the secret token in the
 * URL stands in for the session. Unknown, revoked and ended tokens all get the same 404.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/calendar/[token]">) {
  const { token } = await params;
  const text = await calendarFeed(token.replace(/\.ics$/, ""), publicBaseUrl(request.headers));
  if (text === null) return new Response("Not found", { status: 404 });
  return new Response(text, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
