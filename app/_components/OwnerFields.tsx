"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { OrganizationPicker, PersonPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/**
 * Organization and person pickers for whoever is given a piece of work: a gap's or a
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
      <OrganizationPicker label={organizationLabel} name={organizationName} organizations={organizations.data ?? []} noneLabel={t("noneChosen")} defaultValue={defaultOrganizationId} errors={errors} hint={organizationHint} />
      <PersonPicker label={personLabel} name={personName} people={people.data ?? []} noneLabel={t("noneChosen")} defaultValue={defaultUserId} errors={errors} hint={t("personHint")} />
    </>
  );
}
