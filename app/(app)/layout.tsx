import { Link } from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/LanguageSwitch";
import { NavMenu } from "@/app/_components/NavMenu";
import { SignOutButton } from "@/app/_components/SignOutButton";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { serverCaller } from "@/app/_trpc/server";
import { PORTFOLIO_ROLES } from "@/server/auth/permissions";
import { getSessionUser } from "@/server/auth/session";

/** The signed-in frame: brand, task-force switcher, account and sign-out (behind a menu button on a phone). */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const caller = await serverCaller();
  const [taskForces, unread] = await Promise.all([caller.taskForce.mine(), caller.notification.unreadCount()]);
  const tNotifications = await getTranslations("notificationsPage");
  return (
    <ClientMessages namespaces={["nav"]}>
      <header className="topbar">
        <Link className="brand" href="/">
          {tApp("name")}
        </Link>
        <nav aria-label={t("account")}>
          <NavMenu label={t("menu")}>
            <ul>
              {taskForces.length > 0 && (
                <li>
                  <details className="switcher">
                    <summary>{t("switcherHint")}</summary>
                    <ul aria-label={t("switcherLabel")}>
                      {taskForces.map((taskForce) => (
                        <li key={taskForce.slug}>
                          <Link href={`/tf/${taskForce.slug}/dashboard`}>{taskForce.name}</Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              )}
              {taskForces.some((taskForce) => PORTFOLIO_ROLES.includes(taskForce.role)) && (
                <li>
                  <Link href="/funder">{t("funder")}</Link>
                </li>
              )}
              {user.isAdmin && (
                <li>
                  <Link href="/admin/task-forces">{t("admin")}</Link>
                </li>
              )}
              <li>
                <Link href="/notifications">
                  {unread > 0 ? tNotifications("navUnread", { count: unread }) : tNotifications("nav")}
                </Link>
              </li>
              <li>
                <Link href="/account">
                  {t("account")} <span className="visually-hidden">({user.name})</span>
                </Link>
              </li>
              <li>
                <LanguageSwitch />
              </li>
              <li>
                <SignOutButton />
              </li>
            </ul>
          </NavMenu>
        </nav>
      </header>
      {children}
    </ClientMessages>
  );
}
