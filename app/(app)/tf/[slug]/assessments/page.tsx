import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { AreaTrend } from "./AreaTrend";
import { CreateRoundForm } from "./CreateRoundForm";
import { RoundsList } from "./RoundsList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments"))("title") };
}

export default async function AssessmentsPage({ params }: PageProps<"/tf/[slug]/assessments">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/assessments`, "assessment.read");
  const canManage = taskForce.permissions.includes("assessment.manage");
  const canRespond = taskForce.permissions.includes("assessment.respond");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.assessment.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.framework.outline.queryOptions(input)),
    ...(canManage ? [queryClient.prefetchQuery(trpc.assessment.respondents.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("assessments");
  return (
    <>
      <h1>{t("title")}</h1>
      <HydrateClient namespaces={["assessments", "charts", "frameworkLanguage", "frameworks", "roles"]}>
        <RoundsList taskForceSlug={slug} canManage={canManage} canRespond={canRespond} />
        <AreaTrend taskForceSlug={slug} />
        {canManage && <CreateRoundForm taskForceSlug={slug} />}
      </HydrateClient>
    </>
  );
}
