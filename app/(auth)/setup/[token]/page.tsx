import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/app/_trpc/server";
import { SetupForm } from "./SetupForm";
import { ClientMessages } from "@/app/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage({ params }: PageProps<"/setup/[token]">) {
  const { token } = await params;
  const t = await getTranslations("setup");
  const setup = await (await serverCaller()).account.setupLink({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!setup || setup.status !== "valid") {
    return (
      <main id="main" className="narrow">
        <h1>{t("unusableTitle")}</h1>
        <p>{t(setup?.status === "used" || setup?.status === "expired" ? setup.status : "notFound")}</p>
        <p>
          <Link href="/login">{t("goToSignIn")}</Link>
        </p>
      </main>
    );
  }
  return (
    <ClientMessages namespaces={["account", "setup"]}>
      <main id="main" className="narrow">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <SetupForm token={token} />
      </main>
    </ClientMessages>
  );
}
