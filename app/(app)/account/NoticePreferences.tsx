"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { NOTICE_DELIVERIES, type NoticeDelivery, type NoticeTopic } from "@/db/vocabulary/notices";

/**
 * The person's choice, per kind of notice, of how it reaches them besides the notices page. Each
 * choice is saved as it is made (there is nothing else to fill in), and said aloud once saved.
 */
export function NoticePreferences() {
  const t = useTranslations("noticePreferences");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const preferences = useQuery(trpc.notification.preferences.queryOptions());
  const [saved, setSaved] = useState<{ topic: NoticeTopic; delivery: NoticeDelivery } | null>(null);
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: (answer, input) => {
        queryClient.setQueryData(trpc.notification.preferences.queryKey(), answer);
        setSaved(input);
      },
    }),
  );
  if (!preferences.data) return <FormError error={preferences.error} />;
  return (
    <div className="stack">
      <p>{t("intro")}</p>
      {!preferences.data.emailConfigured && <p className="hint">{t("noEmail")}</p>}
      <FormError error={save.error} />
      <ul className="preference-list">
        {preferences.data.topics.map(({ topic, delivery, byDefault }) => {
          const id = `${idPrefix}-${topic}`;
          return (
            <li key={topic}>
              <label htmlFor={id}>{t(`topics.${topic}.label`)}</label>
              <select
                id={id}
                value={delivery}
                disabled={save.isPending}
                onChange={(event) => save.mutate({ topic, delivery: event.target.value as NoticeDelivery })}
              >
                {NOTICE_DELIVERIES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`deliveries.${choice}`)}
                    {choice === byDefault ? ` ${t("byDefault")}` : ""}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {saved && (
        <p role="status" className="hint">
          {t("saved", { topic: t(`topics.${saved.topic}.label`), delivery: t(`deliveries.${saved.delivery}`) })}
        </p>
      )}
    </div>
  );
}
