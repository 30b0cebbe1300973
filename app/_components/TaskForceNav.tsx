"use client";

import { Link } from "@/app/_components/Link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { NavMenu } from "@/app/_components/NavMenu";

const SECTIONS = ["dashboard", "assessments", "gaps", "actions", "meetings", "members", "contributions", "grants", "settings"] as const;
export type Section = (typeof SECTIONS)[number];

/** The task force's sections; the one being viewed is marked for sighted and screen-reader users alike. */
export function TaskForceNav({ slug, visible }: { slug: string; visible: readonly Section[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("main")}>
      <NavMenu label={t("sectionsMenu")}>
        <ul>
          {SECTIONS.filter((section) => visible.includes(section)).map((section) => {
            const href = `/tf/${slug}/${section}`;
            const current = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <li key={section}>
                <Link href={href} aria-current={current ? "page" : undefined}>
                  {t(section)}
                </Link>
              </li>
            );
          })}
        </ul>
      </NavMenu>
    </nav>
  );
}
