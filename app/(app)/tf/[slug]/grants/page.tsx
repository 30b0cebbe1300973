import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { CreateGrantForm } from "./CreateGrantForm";
import { GrantsList } from "./GrantsList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grants"))("title") };
}

export default async function GrantsPage({ params }: PageProps<"/tf/[slug]/grants">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/grants`, "grant.read");
  await getQueryClient().prefetchQuery(trpc.grant.list.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("grants");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {taskForce.permissions.includes("report.generate") && (
        <p>
          <Link href={`/tf/${slug}/grants/reports`}>{t("reportsLink")}</Link>
        </p>
      )}
      <HydrateClient namespaces={["grants"]}>
        <GrantsList taskForceSlug={slug} />
        {taskForce.permissions.includes("grant.manage") && <CreateGrantForm taskForceSlug={slug} />}
      </HydrateClient>
    </>
  );
}
