import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { Committees } from "./Committees";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("committees"))("title") };
}

export default async function CommitteesPage({ params }: PageProps<"/tf/[slug]/meetings/committees">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/meetings/committees`, "committee.read");
  const canManage = taskForce.permissions.includes("committee.manage");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.committee.list.queryOptions(input)),
    ...(canManage ? [queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)), queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("committees");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href={`/tf/${slug}/meetings`}>{t("backToMeetings")}</Link>
      </p>
      <HydrateClient namespaces={["committees"]}>
        <Committees taskForceSlug={slug} canManage={canManage} />
      </HydrateClient>
    </>
  );
}
