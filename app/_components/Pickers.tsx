"use client";

import { SelectField } from "@/app/_components/forms";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/*
 * The person and organization selects of every form. They show the choices they are given and do
 * not filter them: who may be chosen is the server's answer (people.assignable for whoever is given
 * work, the meeting's people for presenters and attendance), so the choices offered are the choices
 * the server accepts. Uncontrolled, so a refused form keeps the choice.
 */

export interface PickablePerson {
  userId: string;
  name: string;
  organizationName: string | null;
}

export interface PickableOrganization {
  id: string;
  name: string;
}

interface PickerProps {
  label: string;
  name: string;
  /** The first option, chosen when nothing is: "None", "Any organization", "Whole organization"… */
  noneLabel: string;
  defaultValue?: string | null;
  errors?: FieldErrors;
  hint?: string;
}

/** A person as options name them: with their organization, since two agencies may each have a Sam. */
const personOption = (person: PickablePerson) => ({
  value: person.userId,
  label: person.organizationName ? `${person.name} (${person.organizationName})` : person.name,
});

/** The options of a person select, for a select that a Field cannot wrap (an inline form). */
export function PersonOptions({ people, noneLabel }: { people: readonly PickablePerson[]; noneLabel: string }) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {people.map(personOption).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

export function PersonPicker({ people, defaultValue, ...props }: PickerProps & { people: readonly PickablePerson[] }) {
  return <SelectField {...props} defaultValue={defaultValue ?? ""} options={people.map(personOption)} />;
}

export function OrganizationPicker({ organizations, defaultValue, ...props }: PickerProps & { organizations: readonly PickableOrganization[] }) {
  return <SelectField {...props} defaultValue={defaultValue ?? ""} options={organizations.map(({ id, name }) => ({ value: id, label: name }))} />;
}
