import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { getSessionUser } from "@/server/auth/session";
import { requireTaskForcePermission } from "../../../_lib/taskForce";
import { RespondForm } from "./RespondForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments"))("respondTitle") };
}

export default async function RespondPage({ params }: PageProps<"/tf/[slug]/assessments/[roundId]/respond">) {
  const { slug, roundId } = await params;
  const path = `/tf/${slug}/assessments/${roundId}/respond`;
  await requireTaskForcePermission(slug, path, "assessment.respond");
  // The round id comes from the address: anything but a uuid is simply not a round.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roundId)) notFound();
  const user = await getSessionUser();
  if (!user) notFound();
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug, roundId };
  const round = await loadForPage(() => queryClient.fetchQuery(trpc.assessment.get.queryOptions(input)), path);
  const t = await getTranslations("assessments");
  const results = `/tf/${slug}/assessments/${roundId}`;

  // Who may not answer is told why, instead of being shown a form that refuses every change.
  let refusal: string | null = null;
  if (!round.me.asked) refusal = t("respondNotAsked");
  else if (round.round.status === "draft") refusal = t("respondDraft");
  else if (round.round.status === "closed") refusal = t("respondClosed");
  if (!refusal) await queryClient.prefetchQuery(trpc.assessment.myResponse.queryOptions(input));

  return (
    <>
      <h1>{t("respondHeading", { title: round.round.title })}</h1>
      {refusal ? (
        <>
          <div className="alert info">{refusal}</div>
          <p>
            <Link href={results}>{t("resultsOf", { title: round.round.title })}</Link>
          </p>
          <p>
            <Link href={`/tf/${slug}/assessments`}>{t("backToRounds")}</Link>
          </p>
        </>
      ) : (
        <HydrateClient namespaces={["assessments", "frameworkLanguage", "privacy"]}>
          <RespondForm taskForceSlug={slug} roundId={roundId} userId={user.id} />
        </HydrateClient>
      )}
    </>
  );
}
