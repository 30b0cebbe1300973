"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SelectField, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { JURISDICTION_LEVELS, MEMBERSHIP_STATUSES, ORGANIZATION_ROLES } from "@/db/vocabulary/taskForces";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { useDisciplineName } from "./labels";
import { TableScroll } from "@/app/_components/TableScroll";

interface Filters {
  discipline: string;
  jurisdiction: string;
  status: string;
  role: string;
}

/** The directory: every organization with its discipline, jurisdiction, status and role, filterable. */
export function Organizations({ taskForceSlug, canManage }: { taskForceSlug: string; canManage: boolean }) {
  const t = useTranslations("organizations");
  const tDisciplines = useTranslations("disciplines");
  const disciplineName = useDisciplineName();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { taskForceSlug };
  const organizations = useQuery(trpc.organization.list.queryOptions(input));
  const [filters, setFilters] = useState<Filters>({ discipline: "", jurisdiction: "", status: "", role: "" });
  const create = useMutation(
    trpc.organization.create.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.organization.list.queryKey(input) }),
          queryClient.invalidateQueries({ queryKey: trpc.organization.balance.queryKey(input) }),
        ]),
    }),
  );

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate({ taskForceSlug, name: formText(form, "name"), primaryDiscipline: formText(form, "primaryDiscipline") as Discipline }, { onSuccess: () => form.reset() });
  }

  const rows = (organizations.data ?? []).filter(
    (organization) =>
      (!filters.discipline || organization.primaryDiscipline === filters.discipline || organization.additionalDisciplines.includes(filters.discipline)) &&
      (!filters.jurisdiction || (organization.jurisdictionLevel ?? "") === filters.jurisdiction) &&
      (!filters.status || organization.membershipStatus === filters.status) &&
      (!filters.role || organization.taskForceRole === filters.role),
  );
  const filter = (name: keyof Filters, label: string, options: readonly { value: string; label: string }[]) => (
    <SelectField label={label} name={name} options={options} noneLabel={t("filterAll")} value={filters[name]} onChange={(value) => setFilters({ ...filters, [name]: value })} />
  );

  return (
    <>
      <form className="filters inline-actions" role="search" aria-label={t("filtersLabel")} onSubmit={(event) => event.preventDefault()}>
        {filter("discipline", t("discipline"), DISCIPLINES.map((value) => ({ value, label: tDisciplines(value) })))}
        {filter("jurisdiction", t("jurisdiction"), JURISDICTION_LEVELS.map((value) => ({ value, label: t(`jurisdictionLevel.${value}`) })))}
        {filter("status", t("status"), MEMBERSHIP_STATUSES.map((value) => ({ value, label: t(`membershipStatus.${value}`) })))}
        {filter("role", t("role"), ORGANIZATION_ROLES.map((value) => ({ value, label: t(`organizationRole.${value}`) })))}
      </form>
      <p role="status">{t("shownCount", { shown: rows.length, total: organizations.data?.length ?? 0 })}</p>
      {rows.length > 0 && (
        <TableScroll label={t("directoryTitle")}>
          <table>
            <caption className="visually-hidden">{t("directoryTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("primaryDiscipline")}</th>
                <th scope="col">{t("jurisdiction")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("region")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">
                    <Link href={`/tf/${taskForceSlug}/members/${organization.id}`}>{organization.name}</Link>
                  </th>
                  <td>{disciplineName(organization.primaryDiscipline)}</td>
                  <td>{organization.jurisdictionLevel ? t(`jurisdictionLevel.${organization.jurisdictionLevel}`) : t("unknown")}</td>
                  <td>{t(`membershipStatus.${organization.membershipStatus}`)}</td>
                  <td>{t(`organizationRole.${organization.taskForceRole}`)}</td>
                  <td>{organization.region || t("unknown")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage && (
        <form className="stack" onSubmit={onCreate} noValidate aria-labelledby="add-organization-heading">
          <h3 id="add-organization-heading">{t("addTitle")}</h3>
          {create.data && <SuccessMessage>{t("added", { name: create.data.name })}</SuccessMessage>}
          <FormError error={create.error} />
          <Field label={t("name")} name="name" errors={fieldErrorsOf(create.error)} required />
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
              {t("add")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
