import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { AdminNav } from "../AdminNav";
import { FundingProgramsAdmin } from "./FundingProgramsAdmin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fundingPrograms"))("title") };
}

export default async function AdminFundingProgramsPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/admin/funding-programs");
  if (!me.isAdmin) notFound();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.admin.fundingProgram.list.queryOptions()), queryClient.prefetchQuery(trpc.admin.taskForce.list.queryOptions())]);
  const t = await getTranslations("fundingPrograms");
  return (
    <main id="main">
      <AdminNav current="fundingPrograms" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["fundingPrograms"]}>
        <FundingProgramsAdmin />
      </HydrateClient>
    </main>
  );
}
