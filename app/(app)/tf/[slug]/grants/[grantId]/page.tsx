import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { GrantDetail } from "./GrantDetail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grants"))("detailTitle") };
}

export default async function GrantPage({ params, searchParams }: PageProps<"/tf/[slug]/grants/[grantId]">) {
  const { slug, grantId } = await params;
  // The day of the "as of" view (RequirementHistory.tsx); the procedure checks it.
  const asOfParam = (await searchParams).asOf;
  const asOf = typeof asOfParam === "string" && asOfParam !== "" ? asOfParam : undefined;
  const path = `/tf/${slug}/grants/${grantId}`;
  const taskForce = await requireTaskForcePermission(slug, path, "grant.read");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  const grant = await loadForPage(() => queryClient.fetchQuery(trpc.grant.get.queryOptions({ ...input, grantId })), path);
  await Promise.all([
    queryClient.prefetchQuery(trpc.grant.requirementHistory.queryOptions({ ...input, grantId })),
    queryClient.prefetchQuery(trpc.grant.requirementsAsOf.queryOptions({ ...input, grantId, date: asOf ?? grant.today })),
    ...(grant.canManage ? [queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)), queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("grants");
  return (
    <>
      <p>
        <Link href={`/tf/${slug}/grants`}>{t("backToList")}</Link>
      </p>
      <h1>{t("detailHeading", { awardNumber: grant.grant.awardNumber })}</h1>
      <HydrateClient namespaces={["charts", "grants", "localMatch", "ownerFields", "privacy", "requirementHistory", "requirements"]}>
        <GrantDetail taskForceSlug={slug} grantId={grantId} canGenerateReports={taskForce.permissions.includes("report.generate")} asOf={asOf} />
      </HydrateClient>
    </>
  );
}
