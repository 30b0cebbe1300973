import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";

/** The pages of the members area, for moving between them. */
export async function MembersLinks({ slug, showPeople, showImport = false }: { slug: string; showPeople: boolean; showImport?: boolean }) {
  const t = await getTranslations("organizations");
  const tImport = await getTranslations("onboarding");
  const tNav = await getTranslations("nav");
  const links = [
    { href: `/tf/${slug}/members`, label: t("directoryTitle") },
    { href: `/tf/${slug}/members/mous`, label: t("mousLink") },
    { href: `/tf/${slug}/members/protocols`, label: t("protocolsLink") },
    ...(showPeople ? [{ href: `/tf/${slug}/members/people`, label: tNav("people") }] : []),
    ...(showImport ? [{ href: `/tf/${slug}/members/import`, label: tImport("importLink") }] : []),
  ];
  return (
    <nav aria-label={t("areaNav")}>
      <ul className="section-links">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
