import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  const tPage = await getTranslations("errorPage");
  return (
    <main id="main" className="narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFound")}</p>
      <p>
        <Link href="/">{tPage("backHome")}</Link>
      </p>
    </main>
  );
}
