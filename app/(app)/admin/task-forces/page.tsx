import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { AdminNav } from "../AdminNav";
import { ImportTaskForceForm } from "./ImportTaskForceForm";
import { TaskForceAdmin } from "./TaskForceAdmin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminTaskForcesPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/admin/task-forces");
  if (!me.isAdmin) notFound();
  await getQueryClient().prefetchQuery(trpc.admin.taskForce.list.queryOptions());
  const t = await getTranslations("admin");
  return (
    <main id="main">
      <AdminNav current="taskForces" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["admin", "people"]}>
        <TaskForceAdmin />
        <ImportTaskForceForm />
      </HydrateClient>
    </main>
  );
}
