"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { EditInPlace } from "@/app/_components/EditInPlace";
import { OrganizationPicker, PersonOptions, PersonPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/trpc/root";


/** The task force's committees with chair and members; coordinators create them and seat members. */
export function Committees({ taskForceSlug, canManage }: { taskForceSlug: string; canManage: boolean }) {
  const t = useTranslations("committees");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.committee.list.queryOptions({ taskForceSlug }));
  const organizations = useQuery({ ...trpc.organization.list.queryOptions({ taskForceSlug }), enabled: canManage });
  const people = useQuery({ ...trpc.people.assignable.queryOptions({ taskForceSlug }), enabled: canManage });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.committee.pathKey() });
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.committee.create.mutationOptions({ onSuccess: refresh }));
  const addMember = useMutation(trpc.committee.addMember.mutationOptions({ onSuccess: refresh }));
  const removeMember = useMutation(trpc.committee.removeMember.mutationOptions({ onSuccess: refresh }));
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  const activePeople = people.data ?? [];

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const values = committeeValues(event.currentTarget);
    const { name } = values;
    create.mutate(
      { taskForceSlug, ...values },
      {
        onSuccess: () => {
          setCreated(name);
          setFormKey((key) => key + 1);
        },
      },
    );
  }
  const errors = fieldErrorsOf(create.error);
  return (
    <>
      <section aria-labelledby="committees-heading">
        <h2 id="committees-heading">{t("listHeading")}</h2>
        {list.data.committees.length === 0 && <p>{t("none")}</p>}
        <FormError error={addMember.error ?? removeMember.error} />
        <ul className="cards">
          {list.data.committees.map((committee) => (
            <li key={committee.id}>
              <h3>{committee.name}</h3>
              {committee.description && <p>{committee.description}</p>}
              <dl className="details">
                <dt>{t("chairOrganization")}</dt>
                <dd>{committee.chairOrganizationName ?? t("noChair")}</dd>
                <dt>{t("chairPerson")}</dt>
                <dd>{committee.chairUserName ?? t("noChair")}</dd>
              </dl>
              {canManage && <CommitteeEditor taskForceSlug={taskForceSlug} committee={committee} organizations={organizations.data ?? []} people={activePeople} />}
              <h4>{t("membersHeading")}</h4>
              {committee.members.length === 0 ? (
                <p>{t("noMembers")}</p>
              ) : (
                <ul>
                  {committee.members.map((member) => (
                    <li key={member.userId}>
                      {member.name}{" "}
                      {canManage && (
                        <button type="button" className="secondary" onClick={() => removeMember.mutate({ taskForceSlug, committeeId: committee.id, userId: member.userId })}>
                          {t("removeMember", { name: member.name, committee: committee.name })}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {canManage && (
                <form
                  className="inline-actions"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const userId = formText(event.currentTarget, "userId");
                    if (userId) addMember.mutate({ taskForceSlug, committeeId: committee.id, userId });
                  }}
                >
                  <label>
                    {t("addMemberLabel", { committee: committee.name })}{" "}
                    <select name="userId" defaultValue="">
                      <PersonOptions people={activePeople.filter((person) => !committee.members.some((member) => member.userId === person.userId))} noneLabel={t("choosePerson")} />
                    </select>
                  </label>
                  <button type="submit">{t("addMember")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>
      {canManage && (
        <section aria-labelledby="create-committee-heading">
          <h2 id="create-committee-heading">{t("createHeading")}</h2>
          {created && <SuccessMessage>{t("created", { name: created })}</SuccessMessage>}
          <form key={formKey} className="stack" onSubmit={onCreate} noValidate aria-labelledby="create-committee-heading">
            <FormError error={create.error} />
            <CommitteeFields errors={errors} organizations={organizations.data ?? []} people={activePeople} />
            <div>
              <button type="submit" disabled={create.isPending}>
                {t("create")}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

type RouterOutputs = inferRouterOutputs<AppRouter>;
type Committee = RouterOutputs["committee"]["list"]["committees"][number];
type Choices = { organizations: RouterOutputs["organization"]["list"]; people: RouterOutputs["people"]["assignable"] };

/** What a committee form holds, as the create and update procedures take it. */
function committeeValues(form: HTMLFormElement) {
  return {
    name: formText(form, "name"),
    description: formText(form, "description"),
    chairOrganizationId: orNull(formText(form, "chairOrganizationId")),
    chairUserId: orNull(formText(form, "chairUserId")),
  };
}

/** The fields of a committee, empty for a new one or filled with an existing committee's values. */
function CommitteeFields({ errors, organizations, people, committee }: Choices & { errors: ReturnType<typeof fieldErrorsOf>; committee?: Committee }) {
  const t = useTranslations("committees");
  return (
    <>
      <Field label={t("nameLabel")} name="name" errors={errors} required defaultValue={committee?.name} />
      <Field label={t("descriptionLabel")} name="description" errors={errors}>
        {(control) => <textarea {...control} rows={2} defaultValue={committee?.description ?? ""} />}
      </Field>
      <OrganizationPicker label={t("chairOrganizationLabel")} name="chairOrganizationId" organizations={organizations} noneLabel={t("noChair")} defaultValue={committee?.chairOrganizationId} errors={errors} />
      <PersonPicker label={t("chairPersonLabel")} name="chairUserId" people={people} noneLabel={t("noChair")} defaultValue={committee?.chairUserId} errors={errors} hint={t("chairPersonHint")} />
    </>
  );
}

/** Changing a committee's name, purpose and chairs; uncontrolled, so a refused save keeps what was typed. */
function CommitteeEditor({ taskForceSlug, committee, organizations, people }: Choices & { taskForceSlug: string; committee: Committee }) {
  const t = useTranslations("committees");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.committee.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.committee.pathKey() }) }));
  const labels = { open: t("editCommittee", { name: committee.name }), heading: t("editHeading", { name: committee.name }), saved: t("saved"), submit: t("save") };
  return (
    <EditInPlace labels={labels} save={update} onSubmit={(form) => update.mutate({ taskForceSlug, committeeId: committee.id, ...committeeValues(form) })}>
      {(errors) => <CommitteeFields errors={errors} organizations={organizations} people={people} committee={committee} />}
    </EditInPlace>
  );
}
