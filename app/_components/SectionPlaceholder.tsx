import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadTaskForce } from "@/app/(app)/tf/[slug]/_lib/taskForce";

type PlaceholderSection = "meetings" | "grants";

/**
 * The page of a section whose records arrive with a later part of the product: it already sits at
 * its stable URL, checks membership like every task-force page, and tells people what to expect.
 */
export function placeholderSection(section: PlaceholderSection) {
  async function generateMetadata(): Promise<Metadata> {
    return { title: (await getTranslations("nav"))(section) };
  }
  async function Page({ params }: { params: Promise<{ slug: string }> }) {
    const { slug } = await params;
    await loadTaskForce(slug, `/tf/${slug}/${section}`);
    const t = await getTranslations("section");
    return (
      <>
        <h1>{(await getTranslations("nav"))(section)}</h1>
        <p>{t("empty")}</p>
      </>
    );
  }
  return { generateMetadata, Page };
}
