import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { AdminNav } from "../AdminNav";
import { DemoRemoval, ResetLinkForm } from "./AccountsAdmin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("accountsTitle") };
}

export default async function AdminAccountsPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/admin/accounts");
  if (!me.isAdmin) notFound();
  await getQueryClient().prefetchQuery(trpc.demo.overview.queryOptions());
  const t = await getTranslations("admin");
  return (
    <main id="main">
      <AdminNav current="accounts" />
      <h1>{t("accountsTitle")}</h1>
      <HydrateClient namespaces={["admin", "demo", "people"]}>
        <ResetLinkForm />
        <DemoRemoval />
      </HydrateClient>
    </main>
  );
}
