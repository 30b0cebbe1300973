import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadTaskForce } from "../_lib/taskForce";
import { DisciplineCoverageAlert } from "../meetings/_components/DisciplineCoverageAlert";
import { MouRenewals } from "../members/mous/MouRenewals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({ params }: PageProps<"/tf/[slug]/dashboard">) {
  const { slug } = await params;
  const taskForce = await loadTaskForce(slug, `/tf/${slug}/dashboard`);
  const t = await getTranslations("dashboard");
  const tRoles = await getTranslations("roles");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("welcome", { taskForce: taskForce.name })}</p>
      <p>{t("yourRole", { role: tRoles(taskForce.role) })}</p>
      {taskForce.permissions.includes("meeting.read") && <DisciplineCoverageAlert taskForceSlug={slug} />}
      <p>{t("comingSoon")}</p>
      <MouRenewals slug={slug} permissions={taskForce.permissions} />
    </>
  );
}
