import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { ContributionsOverview } from "./ContributionsOverview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contributions"))("title") };
}

export default async function ContributionsPage({ params }: PageProps<"/tf/[slug]/contributions">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/contributions`, "contribution.read");
  await getQueryClient().prefetchQuery(trpc.contribution.overview.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("contributions");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["charts", "contributions", "disciplines", "suppression"]}>
        <ContributionsOverview taskForceSlug={slug} canRemind={taskForce.permissions.includes("contribution.manage")} />
      </HydrateClient>
    </>
  );
}
