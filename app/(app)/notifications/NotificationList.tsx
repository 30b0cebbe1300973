"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import { FormError, useReadableValues } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type messages from "@/app/i18n/messages/en.json";

type NotificationKind = keyof (typeof messages)["notifications"];

export function NotificationList() {
  const t = useTranslations("notificationsPage");
  const tKinds = useTranslations("notifications");
  const readable = useReadableValues();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const notices = useQuery(trpc.notification.list.queryOptions({}));
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
        // The unread count in the top bar is rendered on the server.
        router.refresh();
      },
    }),
  );

  const rows = notices.data ?? [];
  if (rows.length === 0) return <p>{t("none")}</p>;
  const anyUnread = rows.some((notice) => !notice.readAt);
  return (
    <>
      <FormError error={markRead.error} />
      {anyUnread && (
        <p>
          <button type="button" className="secondary" onClick={() => markRead.mutate({ all: true })} disabled={markRead.isPending}>
            {t("markAllRead")}
          </button>
        </p>
      )}
      <ul className="notices">
        {rows.map((notice) => (
          <li key={notice.id} className={notice.readAt ? "read" : "unread"}>
            <p>
              <strong>{notice.readAt ? t("read") : t("unread")}</strong> · {notice.taskForceName} · <DateTime value={notice.createdAt} withTime />
            </p>
            <p>
              {tKinds.has(notice.kind as NotificationKind)
                ? tKinds(notice.kind as NotificationKind, readable(notice.values))
                : notice.kind}
            </p>
            <div className="inline-actions">
              <Link href={notice.link}>{t("open")}</Link>
              {!notice.readAt && (
                <button type="button" className="link" onClick={() => markRead.mutate({ ids: [notice.id] })} disabled={markRead.isPending}>
                  {t("markRead")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
