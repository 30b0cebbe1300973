import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { MembersLinks } from "../MembersLinks";
import { OrganizationProfile } from "./OrganizationProfile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("profileTitle") };
}

export default async function OrganizationPage({ params }: PageProps<"/tf/[slug]/members/[orgId]">) {
  const { slug, orgId } = await params;
  const path = `/tf/${slug}/members/${orgId}`;
  const taskForce = await requireTaskForcePermission(slug, path, "organization.read");
  const input = { taskForceSlug: slug, organizationId: orgId };
  const profile = await loadForPage(() => getQueryClient().fetchQuery(trpc.organization.get.queryOptions(input)), path);
  return (
    <>
      <h1>{profile.organization.name}</h1>
      <MembersLinks slug={slug} showPeople={taskForce.permissions.includes("membership.read")} />
      <HydrateClient namespaces={["disciplines", "mous", "organizations", "roles"]}>
        <OrganizationProfile taskForceSlug={slug} organizationId={orgId} />
      </HydrateClient>
    </>
  );
}
