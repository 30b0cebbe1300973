"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";

export function Organizations({ taskForceSlug, canManage }: { taskForceSlug: string; canManage: boolean }) {
  const t = useTranslations("people");
  const tDisciplines = useTranslations("disciplines");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organizations = useQuery(trpc.organization.list.queryOptions({ taskForceSlug }));
  const create = useMutation(
    trpc.organization.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.organization.list.queryKey({ taskForceSlug }) }),
    }),
  );

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(
      {
        taskForceSlug,
        name: formText(form, "name"),
        primaryDiscipline: formText(form, "primaryDiscipline") as Discipline,
      },
      { onSuccess: () => form.reset() },
    );
  }

  const rows = organizations.data ?? [];
  return (
    <>
      {rows.length === 0 ? (
        <p>{t("organizationsNone")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("organizationsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organizationName")}</th>
              <th scope="col">{t("primaryDiscipline")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">{organization.name}</th>
                <td>
                  {(DISCIPLINES as readonly string[]).includes(organization.primaryDiscipline)
                    ? tDisciplines(organization.primaryDiscipline as Discipline)
                    : organization.primaryDiscipline}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form className="stack" onSubmit={onCreate} noValidate>
          {create.data && <SuccessMessage>{t("organizationAdded", { name: create.data.name })}</SuccessMessage>}
          <FormError error={create.error} />
          <Field label={t("organizationName")} name="name" errors={fieldErrorsOf(create.error)} required />
          <Field label={t("primaryDiscipline")} name="primaryDiscipline" errors={fieldErrorsOf(create.error)} required>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("chooseDiscipline")}</option>
                {DISCIPLINES.map((discipline) => (
                  <option key={discipline} value={discipline}>
                    {tDisciplines(discipline)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={create.isPending}>
              {t("addOrganization")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
