"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { JURISDICTION_LEVELS, MEMBERSHIP_STATUSES, ORGANIZATION_ROLES } from "@/db/vocabulary/taskForces";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { useDisciplineName } from "../labels";
import { Contacts } from "./OrganizationContacts";
import { TableScroll } from "@/app/_components/TableScroll";

type Jurisdiction = (typeof JURISDICTION_LEVELS)[number];
type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export function OrganizationProfile({ taskForceSlug, organizationId }: { taskForceSlug: string; organizationId: string }) {
  const t = useTranslations("organizations");
  const tRoles = useTranslations("roles");
  const tMous = useTranslations("mous");
  const disciplineName = useDisciplineName();
  const trpc = useTRPC();
  const input = { taskForceSlug, organizationId };
  const profile = useQuery(trpc.organization.get.queryOptions(input));
  const [editing, setEditing] = useState(false);
  if (profile.error) return <FormError error={profile.error} />;
  if (!profile.data) return null;
  const { organization, history, contacts, people, mous, committees, canEdit, canManage } = profile.data;

  return (
    <>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("profileTitle")}</h2>
        {editing ? (
          <ProfileForm taskForceSlug={taskForceSlug} organization={organization} canManage={canManage} onDone={() => setEditing(false)} />
        ) : (
          <>
            <dl className="details">
              <dt>{t("primaryDiscipline")}</dt>
              <dd>{disciplineName(organization.primaryDiscipline)}</dd>
              <dt>{t("additionalDisciplines")}</dt>
              <dd>{organization.additionalDisciplines.length ? organization.additionalDisciplines.map(disciplineName).join(", ") : t("none")}</dd>
              <dt>{t("jurisdiction")}</dt>
              <dd>{organization.jurisdictionLevel ? t(`jurisdictionLevel.${organization.jurisdictionLevel}`) : t("unknown")}</dd>
              <dt>{t("role")}</dt>
              <dd>{t(`organizationRole.${organization.taskForceRole}`)}</dd>
              <dt>{t("status")}</dt>
              <dd>{t(`membershipStatus.${organization.membershipStatus}`)}</dd>
              {organization.address !== null && (
                <>
                  <dt>{t("address")}</dt>
                  <dd>{organization.address || t("none")}</dd>
                </>
              )}
              <dt>{t("region")}</dt>
              <dd>{organization.region || t("none")}</dd>
              <dt>{t("website")}</dt>
              <dd>{organization.website ? <a href={organization.website}>{organization.website}</a> : t("none")}</dd>
            </dl>
            {canEdit && (
              <button type="button" onClick={() => setEditing(true)}>
                {t("editProfile")}
              </button>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("historyTitle")}</h2>
        {history.length === 0 ? (
          <p>{t("historyNone")}</p>
        ) : (
          <TableScroll label={t("historyTitle")}>
            <table>
              <caption className="visually-hidden">{t("historyTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("effectiveOn")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("note")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <CalendarDate value={row.effectiveOn} />
                    </td>
                    <td>{t(`membershipStatus.${row.status}`)}</td>
                    <td>{row.note || t("none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {canManage && <StatusForm taskForceSlug={taskForceSlug} organizationId={organization.id} current={organization.membershipStatus} />}
      </section>

      {contacts && <Contacts taskForceSlug={taskForceSlug} organizationId={organization.id} contacts={contacts} canEdit={canEdit} />}

      {people && (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t("peopleTitle")}</h2>
          {people.length === 0 ? (
            <p>{t("peopleNone")}</p>
          ) : (
            <ul>
              {people.map((person) => (
                <li key={person.userId}>
                  {person.name} ({tRoles(person.role)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {committees && (
        <section aria-labelledby="org-committees-heading">
          <h2 id="org-committees-heading">{t("committeesTitle")}</h2>
          {committees.length === 0 ? (
            <p>{t("committeesNone")}</p>
          ) : (
            <ul>
              {committees.map((committee) => (
                <li key={committee.id}>
                  <Link href={`/tf/${taskForceSlug}/meetings/committees`}>{committee.name}</Link>
                  {committee.chairs && <> — {t("committeeChair")}</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="org-mous-heading">
        <h2 id="org-mous-heading">{t("mousTitle")}</h2>
        {mous.length === 0 ? (
          <p>{t("mousNone")}</p>
        ) : (
          <ul>
            {mous.map((mou) => (
              <li key={mou.id}>
                <Link href={`/tf/${taskForceSlug}/members/mous#mou-${mou.id}`}>{mou.title}</Link> — {tMous(`status.${mou.status}`)}
                {mou.expiresOn && (
                  <>
                    {", "}
                    {t("expires")} <CalendarDate value={mou.expiresOn} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

interface ProfileRow {
  id: string;
  primaryDiscipline: string;
  additionalDisciplines: string[];
  jurisdictionLevel: Jurisdiction | null;
  /** null for readers who may not see street addresses. */
  address: string | null;
  region: string;
  website: string | null;
  taskForceRole: OrganizationRole;
}

function ProfileForm({ taskForceSlug, organization, canManage, onDone }: { taskForceSlug: string; organization: ProfileRow; canManage: boolean; onDone: () => void }) {
  const t = useTranslations("organizations");
  const tDisciplines = useTranslations("disciplines");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.organization.updateProfile.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    update.mutate({
      taskForceSlug,
      organizationId: organization.id,
      primaryDiscipline: formText(form, "primaryDiscipline") as Discipline,
      additionalDisciplines: data.getAll("additionalDisciplines").map(String) as Discipline[],
      jurisdictionLevel: (formText(form, "jurisdictionLevel") || null) as Jurisdiction | null,
      address: formText(form, "address"),
      region: formText(form, "region"),
      website: formText(form, "website") || null,
      ...(canManage ? { taskForceRole: formText(form, "taskForceRole") as OrganizationRole } : {}),
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <FormError error={update.error} />
      <Field label={t("primaryDiscipline")} name="primaryDiscipline" errors={errors} required>
        {(control) => (
          <select {...control} defaultValue={organization.primaryDiscipline}>
            {DISCIPLINES.map((discipline) => (
              <option key={discipline} value={discipline}>
                {tDisciplines(discipline)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t("additionalDisciplines")}</legend>
        {DISCIPLINES.map((discipline) => (
          <label key={discipline} className="checkbox">
            <input type="checkbox" name="additionalDisciplines" value={discipline} defaultChecked={organization.additionalDisciplines.includes(discipline)} />{" "}
            {tDisciplines(discipline)}
          </label>
        ))}
      </fieldset>
      <Field label={t("jurisdiction")} name="jurisdictionLevel" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={organization.jurisdictionLevel ?? ""}>
            <option value="">{t("unknown")}</option>
            {JURISDICTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`jurisdictionLevel.${level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {canManage && (
        <Field label={t("role")} name="taskForceRole" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={organization.taskForceRole}>
              {ORGANIZATION_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`organizationRole.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t("address")} name="address" defaultValue={organization.address ?? ""} errors={errors} />
      <Field label={t("region")} name="region" defaultValue={organization.region} errors={errors} />
      <Field label={t("website")} name="website" type="url" defaultValue={organization.website ?? ""} errors={errors} />
      <div className="inline-actions">
        <button type="submit" disabled={update.isPending}>
          {t("saveProfile")}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function StatusForm({ taskForceSlug, organizationId, current }: { taskForceSlug: string; organizationId: string; current: MembershipStatus }) {
  const t = useTranslations("organizations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.organization.changeStatus.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() }) }));
  const errors = fieldErrorsOf(change.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    change.mutate({
      taskForceSlug,
      organizationId,
      status: formText(form, "status") as MembershipStatus,
      effectiveOn: formText(form, "effectiveOn"),
      note: formText(form, "note"),
    });
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="status-form-heading">
      <h3 id="status-form-heading">{t("changeStatusTitle")}</h3>
      {change.isSuccess && <SuccessMessage>{t("statusChanged")}</SuccessMessage>}
      <FormError error={change.error} />
      <Field label={t("status")} name="status" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={current}>
            {MEMBERSHIP_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`membershipStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("effectiveOn")} name="effectiveOn" type="date" errors={errors} required />
      <Field label={t("note")} name="note" hint={t("noteHint")} errors={errors} />
      <div>
        <button type="submit" disabled={change.isPending}>
          {t("changeStatus")}
        </button>
      </div>
    </form>
  );
}
