import { Link } from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import { getSessionUser } from "@/server/auth/session";

/** Home: the person's task forces. Someone in exactly one goes straight to its dashboard. */
export default async function HomePage() {
  const caller = await serverCaller();
  const taskForces = await loadForPage(() => caller.taskForce.mine(), "/");
  const user = await getSessionUser();
  const only = taskForces.length === 1 ? taskForces[0] : undefined;
  if (only && !user?.isAdmin) redirect(`/tf/${only.slug}/dashboard`);
  const t = await getTranslations("home");
  const tRoles = await getTranslations("roles");
  const tNav = await getTranslations("nav");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      {user?.isAdmin && (
        <p>
          {t("adminHint")} <Link href="/admin/task-forces">{tNav("admin")}</Link>
        </p>
      )}
      {taskForces.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="cards">
          {taskForces.map((taskForce) => (
            <li key={taskForce.slug}>
              <h2>
                <Link href={`/tf/${taskForce.slug}/dashboard`}>{taskForce.name}</Link>
              </h2>
              <p>{t("yourRole", { role: tRoles(taskForce.role) })}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
