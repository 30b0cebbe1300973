import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { LinkedRequirements } from "../../grants/LinkedRequirements";
import { GapDetail } from "./GapDetail";

type Props = { params: Promise<{ slug: string; gapId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gaps"))("detailMetaTitle") };
}

export default async function GapPage({ params }: Props) {
  const { slug, gapId } = await params;
  const path = `/tf/${slug}/gaps/${gapId}`;
  const taskForce = await requireTaskForcePermission(slug, path, "gap.read");
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug, gapId };
  // The gap first: a malformed or unknown id (or another task force's gap) is the not-found page.
  await loadForPage(() => queryClient.fetchQuery(trpc.gap.get.queryOptions(input)), path);
  const canSeePeople = taskForce.permissions.includes("membership.read");
  // Handing a gap to another organization or person is the coordinators' call (the server refuses it otherwise).
  const canReassign = canSeePeople && taskForce.permissions.includes("gap.manage");
  await Promise.all([
    queryClient.prefetchQuery(trpc.gap.progress.queryOptions(input)),
    queryClient.prefetchQuery(trpc.organization.list.queryOptions({ taskForceSlug: slug })),
    ...(canSeePeople ? [queryClient.prefetchQuery(trpc.people.assignable.queryOptions({ taskForceSlug: slug }))] : []),
    ...(taskForce.permissions.includes("grant.read") ? [queryClient.prefetchQuery(trpc.grant.linkedRequirements.queryOptions({ taskForceSlug: slug, kind: "gap", recordId: gapId }))] : []),
  ]);
  return (
    <HydrateClient namespaces={["due", "gaps", "ownerFields", "privacy", "requirements"]}>
      <GapDetail taskForceSlug={slug} gapId={gapId} canSeePeople={canSeePeople} canReassign={canReassign} />
      {taskForce.permissions.includes("grant.read") && <LinkedRequirements taskForceSlug={slug} kind="gap" recordId={gapId} />}
    </HydrateClient>
  );
}
