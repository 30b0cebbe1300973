import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { CreateGapForm } from "./CreateGapForm";
import { GapCharts } from "./GapCharts";
import { GapsList } from "./GapsList";
import { parseGapFilters, parseGapFromResults } from "./filters";
import { SuggestedGaps } from "./SuggestedGaps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gaps"))("title") };
}

export default async function GapsPage({ params, searchParams }: PageProps<"/tf/[slug]/gaps">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/gaps`, "gap.read");
  const canManage = taskForce.permissions.includes("gap.manage");
  const query = await searchParams;
  const filters = parseGapFilters(query);
  const fromResults = canManage ? parseGapFromResults(query) : null;
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.gap.list.queryOptions({ ...input, ...filters.input })),
    queryClient.prefetchQuery(trpc.gap.stats.queryOptions(input)),
    queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.framework.outline.queryOptions(input)),
    ...(canManage
      ? [queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input)), queryClient.prefetchQuery(trpc.assessment.list.queryOptions(input))]
      : []),
    ...(fromResults ? [queryClient.prefetchQuery(trpc.gap.suggestions.queryOptions({ ...input, roundId: fromResults.roundId }))] : []),
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
        {canManage && <CreateGapForm taskForceSlug={slug} from={fromResults} />}
      </HydrateClient>
    </>
  );
}
