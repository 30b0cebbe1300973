import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { RoundResults } from "./RoundResults";

type Props = { params: Promise<{ slug: string; roundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessmentResults"))("metaTitle") };
}

export default async function RoundResultsPage({ params }: Props) {
  const { slug, roundId } = await params;
  const path = `/tf/${slug}/assessments/${roundId}`;
  const taskForce = await requireTaskForcePermission(slug, path, "assessment.read");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug, roundId };
  // The round first: a malformed or unknown id (or another task force's round) is the not-found page.
  await loadForPage(() => queryClient.fetchQuery(trpc.assessment.get.queryOptions(input)), path);
  const listInput = { taskForceSlug: slug };
  const canCreateGap = taskForce.permissions.includes("gap.manage");
  await Promise.all([
    // Other people's ratings are read per element when opened (ElementResultSection).
    queryClient.prefetchQuery(trpc.assessment.consensus.queryOptions({ ...input, withRatings: false })),
    queryClient.prefetchQuery(trpc.assessment.list.queryOptions(listInput)),
    queryClient.prefetchQuery(trpc.assessment.trend.queryOptions(listInput)),
    canCreateGap ? queryClient.prefetchQuery(trpc.gap.suggestions.queryOptions(input)) : null,
  ]);
  return (
    <HydrateClient namespaces={["assessmentResults", "charts", "disciplines", "frameworkLanguage"]}>
      <RoundResults
        taskForceSlug={slug}
        roundId={roundId}
        canManage={taskForce.permissions.includes("assessment.manage")}
        canSetTarget={taskForce.permissions.includes("target.manage")}
        canCreateGap={canCreateGap}
      />
    </HydrateClient>
  );
}
