import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, loadForPage, serverCaller, trpc } from "@/app/_trpc/server";
import { NotificationList } from "./NotificationList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationsPage"))("title") };
}

export default async function NotificationsPage() {
  const caller = await serverCaller();
  await loadForPage(() => caller.account.me(), "/notifications");
  await getQueryClient().prefetchQuery(trpc.notification.list.queryOptions({}));
  const t = await getTranslations("notificationsPage");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <HydrateClient namespaces={["notifications", "notificationsPage"]}>
        <NotificationList />
      </HydrateClient>
    </main>
  );
}
