import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/app/_trpc/server";
import { ForgotPasswordForm } from "./ForgotPasswordForm";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  const tApp = await getTranslations("app");
  const { available } = await (await serverCaller()).account.resetByEmail();
  return (
    <ClientMessages namespaces={["forgotPassword"]}>
      <main id="main" className="narrow">
        <p className="lead">{tApp("name")}</p>
        <h1>{t("title")}</h1>
        {available ? (
          <>
            <p>{t("intro")}</p>
            <ForgotPasswordForm />
          </>
        ) : (
          <p className="alert info">{t("noEmail")}</p>
        )}
        <p>
          <Link href="/login">{t("backToSignIn")}</Link>
        </p>
      </main>
    </ClientMessages>
  );
}
