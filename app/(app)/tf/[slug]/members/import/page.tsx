import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient } from "@/app/_trpc/server";
import { requireTaskForcePermission } from "../../_lib/taskForce";
import { ImportMembers } from "./ImportMembers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("title") };
}

export default async function ImportMembersPage({ params }: PageProps<"/tf/[slug]/members/import">) {
  const { slug } = await params;
  await requireTaskForcePermission(slug, `/tf/${slug}/members/import`, "organization.manage");
  const t = await getTranslations("onboarding");
  const template = (query: string) => `/tf/${slug}/members/import/template?${query}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="alert info">{t("privacyNote")}</p>
      <section aria-labelledby="import-template-heading">
        <h2 id="import-template-heading">{t("templateHeading")}</h2>
        <p>{t("templateIntro")}</p>
        <ul className="section-links">
          <li>
            <a href={template("format=xlsx")} download>
              {t("templateXlsx")}
            </a>
          </li>
          <li>
            <a href={template("format=csv&kind=organizations")} download>
              {t("templateOrganizationsCsv")}
            </a>
          </li>
          <li>
            <a href={template("format=csv&kind=people")} download>
              {t("templatePeopleCsv")}
            </a>
          </li>
        </ul>
      </section>
      <HydrateClient namespaces={["onboarding", "people"]}>
        <ImportMembers taskForceSlug={slug} />
      </HydrateClient>
    </>
  );
}
