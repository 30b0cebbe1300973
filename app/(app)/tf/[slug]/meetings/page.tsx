import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { CalendarFeed } from "./CalendarFeed";
import { CreateMeetingForm } from "./CreateMeetingForm";
import { MeetingCharts } from "./MeetingCharts";
import { MeetingsList } from "./MeetingsList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

export default async function MeetingsPage({ params }: PageProps<"/tf/[slug]/meetings">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/meetings`, "meeting.read");
  const canReadCommittees = taskForce.permissions.includes("committee.read");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  const [list] = await Promise.all([
    queryClient.fetchQuery(trpc.meeting.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.meeting.stats.queryOptions(input)),
    queryClient.prefetchQuery(trpc.meeting.calendarFeed.queryOptions(input)),
    ...(canReadCommittees ? [queryClient.prefetchQuery(trpc.committee.list.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("meetings");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href={`/tf/${slug}/meetings/decisions`}>{t("decisionsLink")}</Link>
      </p>
      {canReadCommittees && (
        <p>
          <Link href={`/tf/${slug}/meetings/committees`}>{t("committeesLink")}</Link>
        </p>
      )}
      <HydrateClient namespaces={["calendar", "charts", "disciplines", "meetings"]}>
        <MeetingsList taskForceSlug={slug} />
        {list.canCreate && <CreateMeetingForm taskForceSlug={slug} defaultTimeZone={taskForce.timeZone} canHoldFullMeetings={taskForce.permissions.includes("meeting.manageAll")} />}
        <MeetingCharts taskForceSlug={slug} />
        <CalendarFeed taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
