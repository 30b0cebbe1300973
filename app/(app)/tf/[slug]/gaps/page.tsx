import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { CreateGapForm } from "./CreateGapForm";
import { GapCharts } from "./GapCharts";
import { GapsList } from "./GapsList";
import { parseGapFilters } from "./filters";
import { SuggestedGaps } from "./SuggestedGaps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gaps"))("title") };
}

export default async function GapsPage({ params, searchParams }: PageProps<"/tf/[slug]/gaps">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/gaps`, "gap.read");
  const canManage = taskForce.permissions.includes("gap.manage");
  const filters = parseGapFilters(await searchParams);
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.gap.list.queryOptions({ ...input, ...filters.input })),
    queryClient.prefetchQuery(trpc.gap.stats.queryOptions(input)),
    queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.framework.forTaskForce.queryOptions(input)),
    ...(canManage
      ? [queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input)), queryClient.prefetchQuery(trpc.assessment.list.queryOptions(input))]
      : []),
  ]);
  const t = await getTranslations("gaps");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["charts", "due", "gaps", "ownerFields", "privacy"]}>
        <GapsList taskForceSlug={slug} filters={filters} />
        <GapCharts taskForceSlug={slug} />
        {canManage && <SuggestedGaps taskForceSlug={slug} />}
        {canManage && <CreateGapForm taskForceSlug={slug} />}
      </HydrateClient>
    </>
  );
}
