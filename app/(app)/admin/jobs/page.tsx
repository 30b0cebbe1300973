import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import { JobRuns } from "@/app/_components/JobRuns";
import { AdminNav } from "../AdminNav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

/** The schedule of the daily jobs and their latest runs, for platform administrators. */
export default async function AdminJobsPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/admin/jobs");
  if (!me.isAdmin) notFound();
  const { schedule, instanceRuns, taskForceRuns } = await caller.admin.jobs.overview();
  const t = await getTranslations("jobs");
  return (
    <main id="main">
      <AdminNav current="jobs" />
      <h1>{t("title")}</h1>
      <p className="lead">{schedule.enabled ? t("adminIntro", { dailyAt: schedule.dailyAt, timeZone: schedule.timeZone }) : t("adminOff")}</p>
      <p>{schedule.backups ? t("backupsOn", { keep: schedule.backups.keep }) : t("backupsOff")}</p>
      <h2>{t("instanceCaption")}</h2>
      <JobRuns runs={instanceRuns} timeZone={schedule.timeZone} caption={t("instanceCaption")} />
      <h2>{t("taskForceCaption")}</h2>
      <JobRuns runs={taskForceRuns} timeZone={schedule.timeZone} caption={t("taskForceCaption")} withTaskForce />
    </main>
  );
}
