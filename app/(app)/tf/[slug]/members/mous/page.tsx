import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { MembersLinks } from "../MembersLinks";
import { Mous } from "./Mous";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mous"))("title") };
}

export default async function MousPage({ params }: PageProps<"/tf/[slug]/members/mous">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/members/mous`, "mou.read");
  const canManage = taskForce.permissions.includes("mou.manage");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.mou.list.queryOptions(input)),
    ...(canManage ? [queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)), queryClient.prefetchQuery(trpc.people.list.queryOptions(input)), queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("mous");
  return (
    <>
      <h1>{t("title")}</h1>
      <MembersLinks slug={slug} showPeople={taskForce.permissions.includes("membership.read")} />
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["charts", "documents", "mous", "privacy"]}>
        <Mous taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
