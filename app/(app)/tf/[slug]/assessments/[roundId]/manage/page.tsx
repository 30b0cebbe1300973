import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../../_lib/taskForce";
import { ManageRound } from "./ManageRound";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments"))("manageTitle") };
}

export default async function ManageRoundPage({ params }: PageProps<"/tf/[slug]/assessments/[roundId]/manage">) {
  const { slug, roundId } = await params;
  const path = `/tf/${slug}/assessments/${roundId}/manage`;
  await requireTaskForcePermission(slug, path, "assessment.manage");
  // The round id comes from the address: anything but a uuid is simply not a round.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roundId)) notFound();
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug, roundId };
  const round = await loadForPage(() => queryClient.fetchQuery(trpc.assessment.get.queryOptions(input)), path);
  await Promise.all([
    queryClient.prefetchQuery(trpc.assessment.progress.queryOptions(input)),
    queryClient.prefetchQuery(trpc.assessment.respondents.queryOptions({ taskForceSlug: slug })),
  ]);
  const t = await getTranslations("assessments");
  return (
    <>
      <h1>{t("manageHeading", { title: round.round.title })}</h1>
      <HydrateClient namespaces={["assessments", "disciplines", "roles"]}>
        <ManageRound taskForceSlug={slug} roundId={roundId} />
      </HydrateClient>
    </>
  );
}
