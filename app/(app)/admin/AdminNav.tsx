import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";

/** The administration pages, with the current one marked for screen readers too. */
export async function AdminNav({ current }: { current: "taskForces" | "fundingPrograms" | "frameworks" | "jobs" | "accounts" }) {
  const t = await getTranslations("frameworks");
  const tJobs = await getTranslations("jobs");
  const tAdmin = await getTranslations("admin");
  const tPrograms = await getTranslations("fundingPrograms");
  const links = [
    { id: "taskForces", href: "/admin/task-forces", label: t("navTaskForces") },
    { id: "fundingPrograms", href: "/admin/funding-programs", label: tPrograms("nav") },
    { id: "frameworks", href: "/admin/frameworks", label: t("navFrameworks") },
    { id: "accounts", href: "/admin/accounts", label: tAdmin("navAccounts") },
    { id: "jobs", href: "/admin/jobs", label: tJobs("navJobs") },
  ] as const;
  return (
    <nav aria-label={t("adminSections")}>
      <ul className="inline-actions admin-nav">
        {links.map((link) => (
          <li key={link.id}>
            <Link href={link.href} aria-current={link.id === current ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
