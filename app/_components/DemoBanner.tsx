import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";

/** Shown on every page while demo task forces or accounts exist, so nobody mistakes them for real ones. */
export async function DemoBanner({ isAdmin }: { isAdmin: boolean }) {
  const t = await getTranslations("demo");
  return (
    <aside className="demo-banner" aria-label={t("removeTitle")}>
      <p>
        <strong>{t("banner")}</strong> {isAdmin && <Link href="/admin/accounts">{t("bannerAdmin")}</Link>}
      </p>
    </aside>
  );
}
