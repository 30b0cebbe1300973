import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { DecisionsList } from "./DecisionsList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decisionLog"))("title") };
}

export default async function DecisionsPage({ params }: PageProps<"/tf/[slug]/meetings/decisions">) {
  const { slug } = await params;
  await requireTaskForcePermission(slug, `/tf/${slug}/meetings/decisions`, "meeting.read");
  await getQueryClient().prefetchQuery(trpc.meeting.decisions.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("decisionLog");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href={`/tf/${slug}/meetings`}>{t("backToMeetings")}</Link>
      </p>
      <HydrateClient namespaces={["decisionLog", "decisions"]}>
        <DecisionsList taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
