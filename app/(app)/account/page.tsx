import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import { ChangePasswordForm } from "./ChangePasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/account");
  const t = await getTranslations("account");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p>{t("signedInAs", { name: me.name, email: me.email })}</p>
      <h2>{t("passwordTitle")}</h2>
      <ChangePasswordForm email={me.email} />
    </main>
  );
}
