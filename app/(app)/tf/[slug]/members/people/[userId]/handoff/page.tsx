import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../../../_lib/taskForce";
import { Handoff } from "./Handoff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handoff"))("metaTitle") };
}

export default async function HandoffPage({ params }: PageProps<"/tf/[slug]/members/people/[userId]/handoff">) {
  const { slug, userId } = await params;
  const path = `/tf/${slug}/members/people/${userId}/handoff`;
  await requireTaskForcePermission(slug, path, "membership.manage");
  const overview = await loadForPage(() => getQueryClient().fetchQuery(trpc.people.handoff.queryOptions({ taskForceSlug: slug, userId })), path);
  const t = await getTranslations("handoff");
  return (
    <>
      <h1>{t("title", { name: overview.person.name })}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["handoff"]}>
        <Handoff taskForceSlug={slug} userId={userId} />
      </HydrateClient>
    </>
  );
}
