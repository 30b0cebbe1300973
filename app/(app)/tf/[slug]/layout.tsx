import { getTranslations } from "next-intl/server";
import { TaskForceNav, type Section } from "@/app/_components/TaskForceNav";
import { MessagesScope } from "@/app/i18n/MessagesScope";
import { loadTaskForce } from "./_lib/taskForce";

export default async function TaskForceLayout({ children, params }: LayoutProps<"/tf/[slug]">) {
  const { slug } = await params;
  const taskForce = await loadTaskForce(slug, `/tf/${slug}/dashboard`);
  const tRoles = await getTranslations("roles");
  const sections: Section[] = ["dashboard", "assessments", "gaps", "meetings", "members", "grants"];
  // Funders follow gaps and their status, not the internal action tracker.
  if (taskForce.permissions.includes("action.read")) sections.splice(sections.indexOf("gaps") + 1, 0, "actions");
  if (taskForce.permissions.includes("contribution.read")) sections.splice(sections.indexOf("members") + 1, 0, "contributions");
  if (taskForce.permissions.includes("taskForce.update")) sections.push("settings");
  return (
    // Dates and times inside a task force are shown in its own time zone.
    <MessagesScope timeZone={taskForce.timeZone}>
      <div className="shell">
        <aside className="sidenav">
          <p className="tf-name">{taskForce.name}</p>
          <p className="tf-role">{tRoles(taskForce.role)}</p>
          <TaskForceNav slug={slug} visible={sections} />
        </aside>
        <main id="main">{children}</main>
      </div>
    </MessagesScope>
  );
}
