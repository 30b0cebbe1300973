"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type MouseEvent } from "react";
import { Field, formText, useFieldMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

export interface RoundFieldValues {
  title: string;
  opensOn: string;
  closesOn: string;
  audience: "all" | "chosen";
  userIds: string[];
}

/** The round fields of a submitted form (create, or edit of a draft). */
export function roundFieldsFrom(form: HTMLFormElement): RoundFieldValues {
  const data = new FormData(form);
  return {
    title: formText(form, "title"),
    opensOn: formText(form, "opensOn"),
    closesOn: formText(form, "closesOn"),
    audience: formText(form, "audience") === "chosen" ? "chosen" : "all",
    userIds: data.getAll("userIds").filter((value): value is string => typeof value === "string"),
  };
}

/** The problems of one field, for controls that the generic Field cannot wrap (a group of checkboxes). */
export function FieldProblems({ id, name, errors }: { id: string; name: string; errors: FieldErrors }) {
  const fieldMessage = useFieldMessage();
  const problems = errors[name] ?? [];
  if (problems.length === 0) return null;
  return (
    <span className="error" id={id}>
      {problems.map(fieldMessage).join(" ")}
    </span>
  );
}

/** People grouped by their organization, so a coordinator can ask a whole agency at once. */
function organizationsOf<Person extends { organizationName: string | null }>(people: Person[], noOrganization: string) {
  const groups = new Map<string, Person[]>();
  for (const person of people) {
    const name = person.organizationName ?? noOrganization;
    groups.set(name, [...(groups.get(name) ?? []), person]);
  }
  return [...groups].map(([name, members]) => ({ name, people: members }));
}

/** Ticks every person of the organization whose button was pressed (the inputs stay uncontrolled). */
function checkEveryoneIn(event: MouseEvent<HTMLButtonElement>) {
  const group = event.currentTarget.closest("fieldset");
  group?.querySelectorAll<HTMLInputElement>('input[name="userIds"]').forEach((box) => {
    box.checked = true;
  });
}

/**
 * Title, dates and who is asked. Inputs are uncontrolled, so what was typed stays when the server
 * refuses it; only the audience choice is state, because it shows or hides the list of people.
 */
export function RoundFields({
  taskForceSlug,
  errors,
  defaults,
}: {
  taskForceSlug: string;
  errors: FieldErrors;
  defaults?: Partial<RoundFieldValues>;
}) {
  const t = useTranslations("assessments");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const [audience, setAudience] = useState<"all" | "chosen">(defaults?.audience ?? "all");
  // Whom the server accepts as respondents, so the choices offered are the choices accepted.
  const respondents = useQuery(trpc.assessment.respondents.queryOptions({ taskForceSlug })).data ?? [];
  const id = useId();
  const chosen = new Set(defaults?.userIds ?? []);
  const userIdsError = errors.userIds?.length ? `${id}-users-error` : undefined;
  const audienceError = errors.audience?.length ? `${id}-audience-error` : undefined;

  return (
    <>
      <Field label={t("roundTitle")} name="title" defaultValue={defaults?.title} errors={errors} required autoComplete="off" />
      <Field label={t("opensOn")} name="opensOn" type="date" hint={t("dateHint")} defaultValue={defaults?.opensOn} errors={errors} required />
      <Field label={t("closesOn")} name="closesOn" type="date" hint={t("dateHint")} defaultValue={defaults?.closesOn} errors={errors} required />
      <fieldset className="choice-group" aria-describedby={audienceError}>
        <legend>{t("audience")}</legend>
        <label className="choice">
          <input type="radio" name="audience" value="all" defaultChecked={audience === "all"} onChange={() => setAudience("all")} />
          {t("audienceAll")}
        </label>
        <label className="choice">
          <input type="radio" name="audience" value="chosen" defaultChecked={audience === "chosen"} onChange={() => setAudience("chosen")} />
          {t("audienceChosen")}
        </label>
        <FieldProblems id={`${id}-audience-error`} name="audience" errors={errors} />
      </fieldset>
      {audience === "chosen" && (
        <fieldset className="choice-group" aria-describedby={userIdsError}>
          <legend>{t("chooseRespondents")}</legend>
          {respondents.length === 0 && <p>{t("noRespondents")}</p>}
          {organizationsOf(respondents, t("noOrganization")).map((organization) => (
            <fieldset className="choice-group organization-group" key={organization.name}>
              <legend>{organization.name}</legend>
              <button type="button" className="link" onClick={checkEveryoneIn}>
                {t("chooseWholeOrganization", { organization: organization.name })}
              </button>
              {organization.people.map((person) => (
                <label className="choice" key={person.userId}>
                  <input type="checkbox" name="userIds" value={person.userId} defaultChecked={chosen.has(person.userId)} />
                  {t("respondentOption", { name: person.name, role: tRoles(person.role), organization: organization.name })}
                </label>
              ))}
            </fieldset>
          ))}
          <FieldProblems id={`${id}-users-error`} name="userIds" errors={errors} />
        </fieldset>
      )}
    </>
  );
}
