import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/app/_trpc/server";
import { JobRuns } from "@/app/_components/JobRuns";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { ContributionSettingsForm } from "./ContributionSettingsForm";
import { CoreDisciplinesForm } from "./CoreDisciplinesForm";
import { FrameworkChooser } from "./FrameworkChooser";
import { FundingProgramsSection } from "./FundingProgramsSection";
import { RatingPrivacyForm } from "./RatingPrivacyForm";
import { SettingsForm } from "./SettingsForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: PageProps<"/tf/[slug]/settings">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/settings`, "taskForce.update");
  const queryClient = getQueryClient();
  const managesPrograms = taskForce.permissions.includes("fundingProgram.manage");
  await Promise.all([
    queryClient.prefetchQuery(trpc.framework.available.queryOptions({ taskForceSlug: slug })),
    queryClient.prefetchQuery(trpc.assessment.ratingPrivacy.queryOptions({ taskForceSlug: slug })),
    managesPrograms ? queryClient.prefetchQuery(trpc.fundingProgram.list.queryOptions({ taskForceSlug: slug })) : null,
  ]);
  const t = await getTranslations("settings");
  const tJobs = await getTranslations("jobs");
  const jobs = taskForce.permissions.includes("job.read") ? await (await serverCaller()).job.runs({ taskForceSlug: slug }) : null;
  return (
    <HydrateClient namespaces={["contributions", "coreDisciplines", "disciplines", "frameworks", "fundingPrograms", "ratingPrivacy", "settings"]}>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SettingsForm taskForceSlug={slug} name={taskForce.name} timeZone={taskForce.timeZone} />
      <FrameworkChooser taskForceSlug={slug} />
      <ContributionSettingsForm taskForceSlug={slug} />
      <CoreDisciplinesForm taskForceSlug={slug} />
      <RatingPrivacyForm taskForceSlug={slug} />
      {managesPrograms && <FundingProgramsSection taskForceSlug={slug} />}
      {jobs && (
        <section aria-labelledby="scheduled-jobs">
          <h2 id="scheduled-jobs">{tJobs("title")}</h2>
          <p>{jobs.schedule.enabled ? tJobs("settingsIntro", { dailyAt: jobs.schedule.dailyAt }) : tJobs("settingsIntroOff", { dailyAt: jobs.schedule.dailyAt })}</p>
          <JobRuns runs={jobs.runs} timeZone={taskForce.timeZone} caption={tJobs("caption")} />
        </section>
      )}
      {taskForce.permissions.includes("audit.read") && (
        <p>
          <Link href={`/tf/${slug}/settings/audit`}>{t("auditLink")}</Link>
        </p>
      )}
      {taskForce.permissions.includes("taskForce.export") && (
        <section aria-labelledby="export-title">
          <h2 id="export-title">{t("exportTitle")}</h2>
          <p>{t("exportIntro")}</p>
          <p>{t("exportPrivacy")}</p>
          {/* A plain form: the browser saves the response as the file, with no script involved. */}
          <form method="post" action={`/tf/${slug}/settings/export`}>
            <button type="submit" className="secondary">
              {t("exportButton")}
            </button>
          </form>
        </section>
      )}
    </HydrateClient>
  );
}
