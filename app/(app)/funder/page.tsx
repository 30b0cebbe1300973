import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { Portfolio } from "./Portfolio";
import { PortfolioCharts } from "./PortfolioCharts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("funder"))("title") };
}

/** A funder's portfolio: only the task forces they fund, as aggregates, with its charts and files. */
export default async function FunderPage() {
  const portfolio = await loadForPage(() => getQueryClient().fetchQuery(trpc.funder.portfolio.queryOptions()), "/funder");
  const t = await getTranslations("funder");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {portfolio.length > 0 && (
        <section aria-labelledby="portfolio-downloads">
          <h2 id="portfolio-downloads">{t("downloadsHeading")}</h2>
          <ul className="section-links">
            <li>
              <a href="/funder/export?format=xlsx" download>
                {t("downloadXlsx")}
              </a>
            </li>
            <li>
              <a href="/funder/export?format=csv" download>
                {t("downloadCsv")}
              </a>
            </li>
          </ul>
        </section>
      )}
      <HydrateClient namespaces={["assessmentResults", "charts", "funder"]}>
        <Portfolio />
        <PortfolioCharts />
      </HydrateClient>
    </main>
  );
}
