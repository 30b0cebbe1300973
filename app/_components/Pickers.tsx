"use client";

import type { ReactNode } from "react";
import { Field } from "@/app/_components/forms";
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
export function personOption(person: PickablePerson): string {
  return person.organizationName ? `${person.name} (${person.organizationName})` : person.name;
}

/** The options of a person select, for a select that a Field cannot wrap (an inline form). */
export function PersonOptions({ people, noneLabel }: { people: readonly PickablePerson[]; noneLabel: string }) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {people.map((person) => (
        <option key={person.userId} value={person.userId}>
          {personOption(person)}
        </option>
      ))}
    </>
  );
}

export function PersonPicker({ people, ...props }: PickerProps & { people: readonly PickablePerson[] }) {
  return (
    <LabelledSelect {...props}>
      <PersonOptions people={people} noneLabel={props.noneLabel} />
    </LabelledSelect>
  );
}

export function OrganizationPicker({ organizations, ...props }: PickerProps & { organizations: readonly PickableOrganization[] }) {
  return (
    <LabelledSelect {...props}>
      <option value="">{props.noneLabel}</option>
      {organizations.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {organization.name}
        </option>
      ))}
    </LabelledSelect>
  );
}

function LabelledSelect({ label, name, defaultValue, errors, hint, children }: PickerProps & { children: ReactNode }) {
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {(control) => (
        <select {...control} defaultValue={defaultValue ?? ""}>
          {children}
        </select>
      )}
    </Field>
  );
}
