import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "./_components/DemoBanner";
import { TRPCReactProvider } from "./_trpc/client";
import { pickMessages } from "./i18n/ClientMessages";
import { serverCaller } from "./_trpc/server";
import { getSessionUser } from "@/server/auth/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce differs on each response.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("app");
  const caller = await serverCaller();
  const [demo, user] = await Promise.all([caller.demo.status().catch(() => ({ present: false })), getSessionUser().catch(() => null)]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {demo.present && <DemoBanner isAdmin={user?.isAdmin ?? false} />}
        {/*
          Forms on nearly every page read these; each page adds the namespaces of its own components.
          A refusal from the server comes worded, so the error catalog is not among them.
        */}
        <NextIntlClientProvider messages={await pickMessages(["errorPage", "requestFailed", "validation"])}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
