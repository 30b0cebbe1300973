import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/app/_trpc/server";
import { Portfolio } from "./Portfolio";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("funder"))("title") };
}

/** A funder's portfolio: only the task forces they fund, as aggregates. */
export default async function FunderPage() {
  await loadForPage(() => getQueryClient().fetchQuery(trpc.funder.portfolio.queryOptions()), "/funder");
  const t = await getTranslations("funder");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["assessmentResults", "funder"]}>
        <Portfolio />
      </HydrateClient>
    </main>
  );
}
