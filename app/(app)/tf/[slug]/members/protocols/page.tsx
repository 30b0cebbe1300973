import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { MembersLinks } from "../MembersLinks";
import { Protocols } from "./Protocols";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("protocols"))("title") };
}

export default async function ProtocolsPage({ params }: PageProps<"/tf/[slug]/members/protocols">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/members/protocols`, "protocol.read");
  await getQueryClient().prefetchQuery(trpc.protocol.list.queryOptions({ taskForceSlug: slug }));
  const t = await getTranslations("protocols");
  return (
    <>
      <h1>{t("title")}</h1>
      <MembersLinks slug={slug} showPeople={taskForce.permissions.includes("membership.read")} />
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["documents", "privacy", "protocols"]}>
        <Protocols taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
