import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { MeetingDetail } from "./MeetingDetail";
import "../meetings.css";

type Props = { params: Promise<{ slug: string; meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("detailMetaTitle") };
}

export default async function MeetingPage({ params }: Props) {
  const { slug, meetingId } = await params;
  const path = `/tf/${slug}/meetings/${meetingId}`;
  await requireTaskForcePermission(slug, path, "meeting.read");
  const queryClient = getQueryClient();
  // A malformed or unknown id, another task force's meeting or one the person may not see: the not-found page.
  const meeting = await loadForPage(() => queryClient.fetchQuery(trpc.meeting.get.queryOptions({ taskForceSlug: slug, meetingId })), path);
  // Whoever may add action items gets the assignee choices with the page (OwnerFields).
  if (meeting.rights.manageLater) {
    const input = { taskForceSlug: slug };
    await Promise.all([queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)), queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input))]);
  }
  return (
    <HydrateClient namespaces={["decisions", "disciplines", "due", "meetings", "minutes", "ownerFields", "privacy"]}>
      <MeetingDetail taskForceSlug={slug} meetingId={meetingId} />
    </HydrateClient>
  );
}
