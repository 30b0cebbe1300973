import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/app/_trpc/server";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetPassword"))("title") };
}

const UNUSABLE = {
  notFound: ["notFoundTitle", "notFound"],
  used: ["usedTitle", "used"],
  expired: ["expiredTitle", "expired"],
} as const;

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const t = await getTranslations("resetPassword");
  const link = await (await serverCaller()).account.resetLink({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!link || link.status !== "valid") {
    const [title, text] = UNUSABLE[link?.status ?? "notFound"];
    return (
      <main id="main" className="narrow">
        <h1>{t(title)}</h1>
        <p>{t(text)}</p>
        <p>
          <Link href="/forgot-password">{t("askAgain")}</Link> · <Link href="/login">{t("goToSignIn")}</Link>
        </p>
      </main>
    );
  }
  return (
    <ClientMessages namespaces={["account", "resetPassword"]}>
      <main id="main" className="narrow">
        <h1>{t("title")}</h1>
        <p>{t("forEmail", { email: link.email })}</p>
        <ResetPasswordForm token={token} />
      </main>
    </ClientMessages>
  );
}
