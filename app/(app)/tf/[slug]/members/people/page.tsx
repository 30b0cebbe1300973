import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { PeopleManager } from "./PeopleManager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

export default async function PeoplePage({ params }: PageProps<"/tf/[slug]/members/people">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/members/people`, "membership.read");
  const canManage = taskForce.permissions.includes("membership.manage");
  const canInvite = taskForce.permissions.includes("invitation.manage");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.people.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)),
    ...(canInvite ? [queryClient.prefetchQuery(trpc.invitation.list.queryOptions(input))] : []),
    ...(canManage ? [queryClient.prefetchQuery(trpc.people.former.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("people");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["people", "roles"]}>
        <PeopleManager taskForceSlug={slug} canManage={canManage} canInvite={canInvite} />
      </HydrateClient>
    </>
  );
}
