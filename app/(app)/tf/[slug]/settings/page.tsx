import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../_lib/taskForce";
import { ContributionSettingsForm } from "./ContributionSettingsForm";
import { CoreDisciplinesForm } from "./CoreDisciplinesForm";
import { FrameworkChooser } from "./FrameworkChooser";
import { RatingPrivacyForm } from "./RatingPrivacyForm";
import { SettingsForm } from "./SettingsForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: PageProps<"/tf/[slug]/settings">) {
  const { slug } = await params;
  const taskForce = await requireTaskForcePermission(slug, `/tf/${slug}/settings`, "taskForce.update");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.framework.available.queryOptions({ taskForceSlug: slug })),
    queryClient.prefetchQuery(trpc.assessment.ratingPrivacy.queryOptions({ taskForceSlug: slug })),
  ]);
  const t = await getTranslations("settings");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SettingsForm taskForceSlug={slug} name={taskForce.name} timeZone={taskForce.timeZone} />
      <HydrateClient>
        <FrameworkChooser taskForceSlug={slug} />
        <ContributionSettingsForm taskForceSlug={slug} />
        <CoreDisciplinesForm taskForceSlug={slug} />
        <RatingPrivacyForm taskForceSlug={slug} />
      </HydrateClient>
      {taskForce.permissions.includes("audit.read") && (
        <p>
          <Link href={`/tf/${slug}/settings/audit`}>{t("auditLink")}</Link>
        </p>
      )}
    </>
  );
}
