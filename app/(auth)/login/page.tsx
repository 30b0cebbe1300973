import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/server/auth/session";
import { safeSitePath } from "@/server/lib/sitePath";
import { LoginForm } from "./LoginForm";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const callbackUrl = safeSitePath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  const tApp = await getTranslations("app");
  return (
    <ClientMessages namespaces={["login"]}>
      <main id="main" className="narrow">
        <p className="lead">{tApp("name")}</p>
        <h1>{t("title")}</h1>
        {params.signedOut && (
          <p className="alert info" role="status">
            {t("signedOut")}
          </p>
        )}
        <p>{t("intro")}</p>
        <LoginForm callbackUrl={callbackUrl} />
        <p>
          <Link href="/forgot-password">{t("forgotPassword")}</Link>
        </p>
        <p>{t("noAccount")}</p>
      </main>
    </ClientMessages>
  );
}
