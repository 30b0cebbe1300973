import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { loadTaskForce } from "../_lib/taskForce";
import { MyTasks } from "./MyTasks";
import { SetupChecklist } from "./SetupChecklist";
import { DASHBOARD_WIDGETS } from "./widgets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** The task force's home: every widget the viewer may see, prefetched together. */
export default async function DashboardPage({ params }: PageProps<"/tf/[slug]/dashboard">) {
  const { slug } = await params;
  const taskForce = await loadTaskForce(slug, `/tf/${slug}/dashboard`);
  const widgets = DASHBOARD_WIDGETS.filter((widget) => taskForce.permissions.includes(widget.permission));
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  const hasTasks = taskForce.permissions.includes("work.own");
  const setsUp = taskForce.permissions.includes("taskForce.update");
  // Widgets reading the same procedure share one request (the query cache dedupes by key).
  await Promise.all([
    ...widgets.map((widget) => widget.prefetch(queryClient, input)),
    hasTasks ? queryClient.prefetchQuery(trpc.dashboard.myTasks.queryOptions(input)) : null,
    setsUp ? queryClient.prefetchQuery(trpc.dashboard.setupChecklist.queryOptions(input)) : null,
  ]);
  const t = await getTranslations("dashboard");
  const tRoles = await getTranslations("roles");
  const readOnly = !taskForce.permissions.includes("grant.readInternal");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("welcome", { taskForce: taskForce.name })}</p>
      <p>{t("yourRole", { role: tRoles(taskForce.role) })}</p>
      {readOnly && <p>{t("readOnlyNote")}</p>}
      <HydrateClient namespaces={["assessmentResults", "charts", "dashboard", "disciplines", "due", "localMatch", "meetings", "mous", "myTasks", "requirements", "setupChecklist"]}>
        {setsUp && <SetupChecklist taskForceSlug={slug} />}
        {hasTasks && <MyTasks taskForceSlug={slug} />}
        <div className="widget-grid">
          {widgets.map(({ key, Component }) => (
            <Component key={key} taskForceSlug={slug} permissions={taskForce.permissions} />
          ))}
        </div>
      </HydrateClient>
    </>
  );
}
