import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { ACTION_ITEM_STATUSES } from "@/db/vocabulary/gaps";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { ActionsTracker, type ActionFilters } from "./ActionsTracker";
import { CreateActionForm } from "./CreateActionForm";
import { MyActions } from "./MyActions";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actions"))("title") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The filters of the GET form; anything unrecognised is ignored rather than refused. */
function filtersFrom(query: Record<string, string | string[] | undefined>): ActionFilters {
  const status = z.enum(ACTION_ITEM_STATUSES).safeParse(first(query.status));
  const organization = z.uuid().safeParse(first(query.organization));
  return {
    status: status.success ? status.data : undefined,
    assigneeOrganizationId: organization.success ? organization.data : undefined,
    overdue: first(query.overdue) === "1",
  };
}

export default async function ActionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/actions`, "action.read");
  // Standalone actions are for those who manage all gaps (the service enforces the same rule).
  const canCreate = taskForce.permissions.includes("gap.manage");
  const canUpdate = taskForce.permissions.includes("action.update");
  const filters = filtersFrom(await searchParams);
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  await Promise.all([
    queryClient.prefetchQuery(trpc.actionItem.mine.queryOptions({ includeDone: false })),
    queryClient.prefetchQuery(
      trpc.actionItem.list.queryOptions({
        ...input,
        status: filters.status ? [filters.status] : undefined,
        assigneeOrganizationId: filters.assigneeOrganizationId,
        overdue: filters.overdue,
      }),
    ),
    queryClient.prefetchQuery(trpc.organization.list.queryOptions(input)),
    ...(canCreate ? [queryClient.prefetchQuery(trpc.people.assignable.queryOptions(input))] : []),
  ]);
  const t = await getTranslations("actions");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["actions", "due", "ownerFields", "privacy"]}>
        <MyActions taskForceSlug={slug} canUpdate={canUpdate} />
        <ActionsTracker taskForceSlug={slug} filters={filters} />
        {canCreate && <CreateActionForm taskForceSlug={slug} />}
      </HydrateClient>
    </>
  );
}
