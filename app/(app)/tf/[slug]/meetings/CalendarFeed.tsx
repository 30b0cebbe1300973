"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/**
 * The person's calendar subscription. The secret URL is shown once, right after it is made (only
 * its hash is stored); making a new one or turning it off stops the old URL.
 */
export function CalendarFeed({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("calendar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const urlId = useId();
  const [token, setToken] = useState<string | null>(null);
  const feed = useQuery(trpc.meeting.calendarFeed.queryOptions({ taskForceSlug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.meeting.calendarFeed.queryKey({ taskForceSlug }) });
  const create = useMutation(trpc.meeting.createCalendarFeed.mutationOptions({ onSuccess: ({ token: made }) => { setToken(made); return refresh(); } }));
  const revoke = useMutation(trpc.meeting.revokeCalendarFeed.mutationOptions({ onSuccess: () => { setToken(null); return refresh(); } }));
  if (!feed.data) return <FormError error={feed.error} />;
  return (
    <section aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <FormError error={create.error ?? revoke.error} />
      {token && (
        <div className="copy-box">
          <label htmlFor={urlId}>{t("urlLabel")}</label>
          <input id={urlId} readOnly value={`${feed.data.feedBaseUrl}${token}.ics`} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      {token && <p className="hint">{t("shownOnce")}</p>}
      {feed.data.active && feed.data.createdAt && !token && (
        <p>
          {t("active")} <DateTime value={feed.data.createdAt} withTime />
        </p>
      )}
      <div className="inline-actions">
        <button type="button" onClick={() => create.mutate({ taskForceSlug })} disabled={create.isPending}>
          {feed.data.active ? t("replace") : t("create")}
        </button>
        {feed.data.active && (
          <button type="button" className="secondary" onClick={() => revoke.mutate({ taskForceSlug })} disabled={revoke.isPending}>
            {t("revoke")}
          </button>
        )}
      </div>
    </section>
  );
}
