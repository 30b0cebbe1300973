import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { AdminNav } from "../AdminNav";
import { FrameworkAdmin } from "./FrameworkAdmin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks"))("title") };
}

export default async function AdminFrameworksPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/admin/frameworks");
  if (!me.isAdmin) notFound();
  await getQueryClient().prefetchQuery(trpc.framework.list.queryOptions());
  const t = await getTranslations("frameworks");
  return (
    <main id="main">
      <AdminNav current="frameworks" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["frameworks"]}>
        <FrameworkAdmin />
      </HydrateClient>
    </main>
  );
}
