import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFound")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </main>
  );
}
