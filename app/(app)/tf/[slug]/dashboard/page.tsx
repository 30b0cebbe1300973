import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { loadTaskForce } from "../_lib/taskForce";
import { MyTasks } from "./MyTasks";
import { SetupChecklist } from "./SetupChecklist";
import { DASHBOARD_WIDGETS } from "./widgets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/**
 * The task force's home: every widget the viewer may see. Widgets are server components reading
 * their own data, side by side; only the person's tasks and the setup checklist, which change as
 * they are worked through, are client components with their queries prefetched.
 */
export default async function DashboardPage({ params }: PageProps<"/tf/[slug]/dashboard">) {
  const { slug } = await params;
  const taskForce = await loadTaskForce(slug, `/tf/${slug}/dashboard`);
  const widgets = DASHBOARD_WIDGETS.filter((widget) => taskForce.permissions.includes(widget.permission));
  const queryClient = getQueryClient();
  const input = { taskForceSlug: slug };
  const hasTasks = taskForce.permissions.includes("work.own");
  const setsUp = taskForce.permissions.includes("taskForce.update");
  await Promise.all([
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
      <HydrateClient namespaces={["due", "myTasks", "setupChecklist"]}>
        {setsUp && <SetupChecklist taskForceSlug={slug} />}
        {hasTasks && <MyTasks taskForceSlug={slug} />}
      </HydrateClient>
      {/* The charts' drawings and the match bars, the widgets' only client components. */}
      <ClientMessages namespaces={["charts", "localMatch"]}>
        <div className="widget-grid">
          {widgets.map(({ key, Component }) => (
            <Component key={key} taskForceSlug={slug} permissions={taskForce.permissions} timeZone={taskForce.timeZone} />
          ))}
        </div>
      </ClientMessages>
    </>
  );
}
