import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { sessionSettings } from "@/server/auth/sessionPolicy";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { NoticePreferences } from "./NoticePreferences";
import { SignOutEverywhere } from "./SignOutEverywhere";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { TableScroll } from "@/app/_components/TableScroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

const KNOWN_EVENTS = [
  "passwordChanged",
  "passwordReset",
  "resetLinkEmailed",
  "resetLinkIssued",
  "signedOutEverywhere",
  "passwordSetByOperator",
  "administratorSetUp",
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];
const isKnownEvent = (action: string): action is KnownEvent => (KNOWN_EVENTS as readonly string[]).includes(action);

export default async function AccountPage() {
  const caller = await serverCaller();
  const me = await loadForPage(() => caller.account.me(), "/account");
  const events = await caller.account.securityLog();
  const t = await getTranslations("account");
  const format = await getFormatter();
  const settings = sessionSettings();
  const tNotices = await getTranslations("noticePreferences");
  await getQueryClient().prefetchQuery(trpc.notification.preferences.queryOptions());
  return (
    <ClientMessages namespaces={["account", "noticePreferences"]}>
      <main id="main">
        <h1>{t("title")}</h1>
        <p>{t("signedInAs", { name: me.name, email: me.email })}</p>
        <h2>{t("passwordTitle")}</h2>
        <ChangePasswordForm email={me.email} />
        <h2>{t("sessionsTitle")}</h2>
        <p>{t("sessionsIntro", { hours: settings.maxHours, minutes: settings.idleMinutes })}</p>
        <SignOutEverywhere />
        <h2 id="notice-preferences">{tNotices("title")}</h2>
        <HydrateClient>
          <NoticePreferences />
        </HydrateClient>
        <h2>{t("securityLogTitle")}</h2>
        {events.length === 0 ? (
          <p>{t("securityLogEmpty")}</p>
        ) : (
          <TableScroll label={t("securityLogTitle")}>
            <table>
              <caption className="visually-hidden">{t("securityLogTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("securityLogWhen")}</th>
                  <th scope="col">{t("securityLogWhat")}</th>
                  <th scope="col">{t("securityLogBy")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>{isKnownEvent(event.action) ? t(`events.${event.action}`) : t("events.other", { action: event.action })}</td>
                    <td>{event.actorName ?? t("securityLogSystem")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </main>
    </ClientMessages>
  );
}
