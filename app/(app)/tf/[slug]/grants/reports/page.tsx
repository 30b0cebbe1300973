import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { ReportGenerator } from "./ReportGenerator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ params }: PageProps<"/tf/[slug]/grants/reports">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/grants/reports`, "report.generate");
  await getQueryClient().prefetchQuery(trpc.report.options.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("reports");
  return (
    <>
      <p>
        <Link href={`/tf/${slug}/grants`}>{t("backToGrants")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {!taskForce.permissions.includes("grant.readInternal") && <p>{t("funderNote")}</p>}
      <HydrateClient namespaces={["reports"]}>
        <ReportGenerator taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
