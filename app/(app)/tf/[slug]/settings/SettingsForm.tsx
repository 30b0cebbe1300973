"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

export function SettingsForm({ taskForceSlug, name, timeZone }: { taskForceSlug: string; name: string; timeZone: string }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const router = useRouter();
  // The layout shows the name and formats dates in the time zone: refresh it after a change.
  const update = useMutation(trpc.taskForce.update.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    update.mutate({ taskForceSlug, name: formText(form, "name"), timeZone: formText(form, "timeZone") });
  }

  const errors = fieldErrorsOf(update.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {update.isSuccess && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <FormError error={update.error} />
      <Field label={t("name")} name="name" defaultValue={name} errors={errors} required />
      <Field label={t("timeZone")} name="timeZone" defaultValue={timeZone} hint={t("timeZoneHint")} errors={errors} required />
      <div>
        <button type="submit" disabled={update.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
