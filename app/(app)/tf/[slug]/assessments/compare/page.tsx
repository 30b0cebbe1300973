import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { AreaTrend } from "../AreaTrend";
import { CompareRounds, type CompareSelection } from "./CompareRounds";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessmentResults"))("compareTitle") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isUuid = (value: string | undefined) => value !== undefined && z.uuid().safeParse(value).success;

export default async function CompareRoundsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  await requireTaskForcePermission(slug, `/tf/${slug}/assessments/compare`, "assessment.read");
  const queryClient = getQueryClient();
  const listInput = { taskForceSlug: slug };
  const rounds = await queryClient.fetchQuery(trpc.assessment.list.queryOptions(listInput));

  // Without a choice, the two latest rounds that have been opened (a draft has no ratings): older as A.
  const opened = rounds.filter((round) => round.status !== "draft");
  let a = first(query.a);
  let b = first(query.b);
  if (!a && !b) {
    a = opened[1]?.id;
    b = opened[0]?.id;
  } else if (!a && b) {
    // Only B chosen (e.g. from a round's results page): the latest opened round before it.
    const index = opened.findIndex((round) => round.id === b);
    a = index >= 0 ? opened[index + 1]?.id : undefined;
  }
  const sameRespondentsOnly = first(query.same) === "1";

  let selection: CompareSelection;
  if (!a || !b) selection = { state: opened.length < 2 ? "tooFew" : "incomplete", a: a ?? "", b: b ?? "", sameRespondentsOnly };
  else if (!isUuid(a) || !isUuid(b)) selection = { state: "invalid", a, b, sameRespondentsOnly };
  else {
    selection = { state: "ready", a, b, sameRespondentsOnly };
    await queryClient.prefetchQuery(
      trpc.assessment.compare.queryOptions({ taskForceSlug: slug, roundA: a, roundB: b, sameRespondentsOnly }),
    );
  }
  const t = await getTranslations("assessmentResults");
  return (
    <>
      <h1>{t("compareTitle")}</h1>
      <p className="lead">{t("compareIntro")}</p>
      <HydrateClient namespaces={["assessmentResults", "charts"]}>
        <CompareRounds taskForceSlug={slug} selection={selection} />
        <AreaTrend taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
