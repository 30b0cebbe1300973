"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { MEETING_TYPES } from "@/db/vocabulary/meetings";

/**
 * Schedules a meeting of the full task force (coordinators) or of a committee (its chair too).
 * Times are wall-clock times in the chosen zone; the server reads them in that zone.
 */
export function CreateMeetingForm({ taskForceSlug, defaultTimeZone, canHoldFullMeetings }: { taskForceSlug: string; defaultTimeZone: string; canHoldFullMeetings: boolean }) {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const committees = useQuery(trpc.committee.list.queryOptions({ taskForceSlug }));
  const router = useRouter();
  const create = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.meeting.pathKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = formText(form, "title");
    const committeeId = formText(form, "committeeId");
    create.mutate(
      {
        taskForceSlug,
        title,
        type: formText(form, "type") as (typeof MEETING_TYPES)[number],
        committeeId: committeeId === "" ? null : committeeId,
        startsAt: formText(form, "startsAt"),
        endsAt: formText(form, "endsAt"),
        timeZone: formText(form, "timeZone"),
        location: formText(form, "location"),
        videoUrl: formText(form, "videoUrl") === "" ? null : formText(form, "videoUrl"),
        carryForward: new FormData(form).get("carryForward") === "on",
      },
      {
        // To the new meeting, which says it was scheduled (and what was carried into its agenda).
        onSuccess: ({ id, carried }) => router.push(`/tf/${taskForceSlug}/meetings/${id}?created=1${carried ? `&carried=${carried.actions + carried.undecided}` : ""}`),
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <section aria-labelledby="create-meeting-heading">
      <h2 id="create-meeting-heading">{t("createHeading")}</h2>
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-meeting-heading">
        <FormError error={create.error} />
        <Field label={t("titleLabel")} name="title" errors={errors} required />
        <Field label={t("typeLabel")} name="type" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={canHoldFullMeetings ? "full_task_force" : "committee"}>
              {MEETING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("committeeLabel")} name="committeeId" errors={errors} hint={t("committeeHint")}>
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">{t("fullTaskForce")}</option>
              {(committees.data?.committees ?? []).map((committee) => (
                <option key={committee.id} value={committee.id}>
                  {committee.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("startsLabel")} name="startsAt" type="datetime-local" errors={errors} required />
        <Field label={t("endsLabel")} name="endsAt" type="datetime-local" errors={errors} required />
        <Field label={t("timeZoneLabel")} name="timeZone" errors={errors} defaultValue={defaultTimeZone} hint={t("timeZoneHint")} required />
        <Field label={t("locationLabel")} name="location" errors={errors} />
        <Field label={t("videoLabel")} name="videoUrl" type="url" errors={errors} />
        <div className="field checkbox">
          <label>
            <input type="checkbox" name="carryForward" defaultChecked />
            {t("carryForwardLabel")}
          </label>
        </div>
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </section>
  );
}
