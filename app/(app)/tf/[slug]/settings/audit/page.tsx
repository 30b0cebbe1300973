import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { AuditLog } from "./AuditLog";
import { AUDIT_PAGE_SIZE, nextAuditPage } from "./auditPaging";
import { auditValueNames } from "./auditValues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ params }: PageProps<"/tf/[slug]/settings/audit">) {
  const { slug } = await params;
  await requireTaskForcePermission(slug, `/tf/${slug}/settings/audit`, "audit.read");
  await getQueryClient().prefetchInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ taskForceSlug: slug, limit: AUDIT_PAGE_SIZE }, { getNextPageParam: nextAuditPage }),
  );
  // Elements are named as the task force's roadmap names them now, in the reader's language.
  const framework = await (await serverCaller()).framework.outline({ taskForceSlug: slug });
  const elementNames = Object.fromEntries(framework.areas.flatMap((area) => area.elements.map((element) => [element.key, element.name])));
  const t = await getTranslations("audit");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["audit"]}>
        <AuditLog taskForceSlug={slug} valueNames={auditValueNames(await getMessages())} elementNames={elementNames} />
      </HydrateClient>
    </>
  );
}
