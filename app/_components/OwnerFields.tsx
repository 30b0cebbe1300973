"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/**
 * Organization and person selects (uncontrolled) for whoever is given a piece of work: a gap's or a
 * requirement's owner, an action item's assignee. People are those who may be given work
 * (people.assignable, the rule the server applies); a person with no organization chosen brings
 * their own.
 */
export function OwnerFields({
  taskForceSlug,
  errors,
  organizationName,
  personName,
  organizationLabel,
  personLabel,
  organizationHint,
  defaultOrganizationId,
  defaultUserId,
}: {
  taskForceSlug: string;
  errors: FieldErrors;
  organizationName: string;
  personName: string;
  organizationLabel: string;
  personLabel: string;
  organizationHint?: string;
  defaultOrganizationId?: string | null;
  defaultUserId?: string | null;
}) {
  const t = useTranslations("ownerFields");
  const trpc = useTRPC();
  const organizations = useQuery(trpc.organization.list.queryOptions({ taskForceSlug }));
  // Only people who may be given work (the server refuses anyone else: server/domains/people/assignable.ts).
  const people = useQuery(trpc.people.assignable.queryOptions({ taskForceSlug }));
  return (
    <>
      <Field label={organizationLabel} name={organizationName} errors={errors} hint={organizationHint}>
        {(control) => (
          <select {...control} defaultValue={defaultOrganizationId ?? ""}>
            <option value="">{t("noneChosen")}</option>
            {(organizations.data ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={personLabel} name={personName} errors={errors} hint={t("personHint")}>
        {(control) => (
          <select {...control} defaultValue={defaultUserId ?? ""}>
            <option value="">{t("noneChosen")}</option>
            {(people.data ?? []).map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.organizationName ? `${person.name} (${person.organizationName})` : person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
