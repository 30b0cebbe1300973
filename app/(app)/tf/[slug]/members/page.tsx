import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { Balance } from "./Balance";
import { MembersLinks } from "./MembersLinks";
import { Organizations } from "./Organizations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("members") };
}

export default async function MembersPage({ params }: PageProps<"/tf/[slug]/members">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/members`, "organization.read");
  const input = { taskForceSlug: slug };
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.organization.list.queryOptions(input)),
    getQueryClient().prefetchQuery(trpc.organization.balance.queryOptions(input)),
  ]);
  const t = await getTranslations("organizations");
  const tNav = await getTranslations("nav");
  return (
    <>
      <h1>{tNav("members")}</h1>
      <MembersLinks slug={slug} showPeople={taskForce.permissions.includes("membership.read")} showImport={taskForce.permissions.includes("organization.manage")} />
      <h2>{t("directoryTitle")}</h2>
      <p className="lead">{t("directoryIntro")}</p>
      <HydrateClient namespaces={["balance", "charts", "disciplines", "organizations"]}>
        <Organizations taskForceSlug={slug} canManage={taskForce.permissions.includes("organization.manage")} />
        <Balance taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
