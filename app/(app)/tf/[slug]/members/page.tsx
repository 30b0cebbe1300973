import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { Organizations } from "./Organizations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("members") };
}

export default async function MembersPage({ params }: PageProps<"/tf/[slug]/members">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/members`, "organization.read");
  await getQueryClient().prefetchQuery(trpc.organization.list.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("people");
  const tNav = await getTranslations("nav");
  return (
    <>
      <h1>{tNav("members")}</h1>
      {taskForce.permissions.includes("membership.read") && (
        <p>
          <Link href={`/tf/${slug}/members/people`}>{tNav("people")}</Link>
        </p>
      )}
      <h2>{t("organizationsTitle")}</h2>
      <p className="lead">{t("organizationsIntro")}</p>
      <HydrateClient>
        <Organizations taskForceSlug={slug} canManage={taskForce.permissions.includes("organization.manage")} />
      </HydrateClient>
    </>
  );
}
