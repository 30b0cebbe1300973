"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from "@/app/i18n/locales";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/app/_components/ConfirmDialog";
import { DateTime } from "@/app/_components/DateTime";
import { CopyableLink, InvitationOutcome } from "@/app/_components/InvitationOutcome";
import { Field, fieldErrorsOf, FormError, formText, SelectField, SuccessMessage } from "@/app/_components/forms";
import { OrganizationPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import { TASK_FORCE_ROLES } from "@/db/vocabulary/roles";
import type { TaskForceRole } from "@/server/auth/permissions";
import { TableScroll } from "@/app/_components/TableScroll";

interface Props {
  taskForceSlug: string;
  canManage: boolean;
  canInvite: boolean;
}

function RoleAndOrganizationFields({
  taskForceSlug,
  errors,
  defaultRole,
  defaultOrganizationId,
}: {
  taskForceSlug: string;
  errors: ReturnType<typeof fieldErrorsOf>;
  defaultRole?: TaskForceRole;
  defaultOrganizationId?: string | null;
}) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const organizations = useQuery(trpc.organization.list.queryOptions({ taskForceSlug }));
  return (
    <>
      <SelectField label={t("role")} name="role" options={TASK_FORCE_ROLES.map((role) => ({ value: role, label: tRoles(role) }))} defaultValue={defaultRole ?? "member"} errors={errors} />
      <OrganizationPicker label={t("organization")} name="organizationId" organizations={organizations.data ?? []} noneLabel={t("chooseOrganization")} defaultValue={defaultOrganizationId} errors={errors} hint={t("organizationHint")} />
    </>
  );
}

/** The invitee's language: of the invitation email and of the account they make from it. The inviter's own by default. */
function InvitationLanguageField({ errors }: { errors: ReturnType<typeof fieldErrorsOf> }) {
  const t = useTranslations("people");
  return (
    <SelectField
      label={t("invitationLanguage")}
      name="locale"
      options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
      defaultValue={useLocale()}
      errors={errors}
      hint={t("invitationLanguageHint")}
    />
  );
}

const invitationLanguageFrom = (form: HTMLFormElement) => formText(form, "locale") as Locale;

function roleAssignmentFrom(form: HTMLFormElement) {
  return {
    role: formText(form, "role") as TaskForceRole,
    organizationId: formText(form, "organizationId") || null,
  };
}

export function PeopleManager({ taskForceSlug, canManage, canInvite }: Props) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { taskForceSlug };
  const people = useQuery(trpc.people.list.queryOptions(input));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  const refresh = () =>
    Promise.all([
      // The whole people router: the list, and the former members (whoever was just removed).
      queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey(input) }),
    ]);

  const update = useMutation(
    trpc.people.update.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        setNotice(t("saved"));
        await refresh();
      },
    }),
  );
  const end = useMutation(trpc.people.end.mutationOptions({ onSuccess: refresh }));
  const resetLink = useMutation(trpc.people.issueResetLink.mutationOptions());

  function onUpdate(event: FormEvent<HTMLFormElement>, membershipId: string) {
    event.preventDefault();
    setNotice(null);
    update.mutate({ taskForceSlug, membershipId, ...roleAssignmentFrom(event.currentTarget) });
  }

  async function onEnd(membershipId: string, name: string) {
    if (!(await confirm({ text: t("confirmRemove", { name }), confirmLabel: t("remove", { name }), cancelLabel: t("keepMember", { name }) }))) return;
    setNotice(null);
    end.mutate({ taskForceSlug, membershipId }, { onSuccess: () => setNotice(t("removed", { name })) });
  }

  return (
    <>
      {dialog}
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <FormError error={end.error} />
      <FormError error={resetLink.error} />
      {resetLink.data && <ResetLinkOutcome result={resetLink.data} />}
      <TableScroll label={t("title")}>
        <table>
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("organization")}</th>
              <th scope="col">{t("since")}</th>
              {canManage && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {(people.data ?? []).map((person) => (
              <tr key={person.membershipId}>
                <th scope="row">{person.name}</th>
                <td>{person.email}</td>
                <td>{tRoles(person.role)}</td>
                <td>{person.organizationName ?? t("none")}</td>
                <td>
                  <DateTime value={person.startedAt} />
                </td>
                {canManage && (
                  <td>
                    {editing === person.membershipId ? (
                      <form className="stack" onSubmit={(event) => onUpdate(event, person.membershipId)} noValidate>
                        <FormError error={update.error} />
                        <RoleAndOrganizationFields
                          taskForceSlug={taskForceSlug}
                          errors={fieldErrorsOf(update.error)}
                          defaultRole={person.role}
                          defaultOrganizationId={person.organizationId}
                        />
                        <div className="inline-actions">
                          <button type="submit" disabled={update.isPending}>
                            {t("save")}
                          </button>
                          <button type="button" className="secondary" onClick={() => setEditing(null)}>
                            {t("cancel")}
                          </button>
                        </div>
                      </form>
                    ) : (
                      <div className="inline-actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t("edit", { name: person.name })}
                          onClick={() => {
                            update.reset();
                            setEditing(person.membershipId);
                          }}
                        >
                          {t("editShort")}
                        </button>
                        <button
                          type="button"
                          className="danger"
                          disabled={end.isPending}
                          onClick={() => onEnd(person.membershipId, person.name)}
                          aria-label={t("remove", { name: person.name })}
                        >
                          {t("removeShort")}
                        </button>
                        <Link href={`/tf/${taskForceSlug}/members/people/${person.userId}/handoff`} aria-label={t("handOffNamed", { name: person.name })}>
                          {t("handOff")}
                        </Link>
                        <button
                          type="button"
                          className="secondary"
                          disabled={resetLink.isPending}
                          aria-label={t("resetLinkFor", { name: person.name })}
                          onClick={() => {
                            setNotice(null);
                            resetLink.mutate({ taskForceSlug, userId: person.userId });
                          }}
                        >
                          {t("resetLink")}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canManage && <FormerMembers taskForceSlug={taskForceSlug} />}
      {canInvite && <Invitations taskForceSlug={taskForceSlug} onChange={refresh} />}
    </>
  );
}

/** A reset link the coordinator passes on themselves (it is never emailed from here). */
function ResetLinkOutcome({ result }: { result: { name: string; link: string; expiresAt: Date } }) {
  const t = useTranslations("people");
  const format = useFormatter();
  return (
    <div className="alert success" role="status">
      <p>{t("resetLinkIssued", { name: result.name, expiresAt: format.dateTime(result.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      <CopyableLink link={result.link} label={t("resetLinkCopy", { name: result.name })} />
    </div>
  );
}

function Invitations({ taskForceSlug, onChange }: { taskForceSlug: string; onChange: () => Promise<unknown> }) {
  const t = useTranslations("people");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const invitations = useQuery(trpc.invitation.list.queryOptions({ taskForceSlug }));
  const create = useMutation(trpc.invitation.create.mutationOptions({ onSuccess: onChange }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: onChange }));
  const [revokedEmail, setRevokedEmail] = useState<string | null>(null);

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setRevokedEmail(null);
    create.mutate(
      { taskForceSlug, email: formText(form, "email"), ...roleAssignmentFrom(form), locale: invitationLanguageFrom(form) },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <>
      <h2>{t("inviteTitle")}</h2>
      <p>{t("inviteIntro", { days: 7 })}</p>
      {create.data && <InvitationOutcome result={create.data} />}
      <form className="stack" onSubmit={onInvite} noValidate>
        <FormError error={create.error} />
        <Field label={t("email")} name="email" type="email" autoComplete="off" errors={fieldErrorsOf(create.error)} required />
        <RoleAndOrganizationFields taskForceSlug={taskForceSlug} errors={fieldErrorsOf(create.error)} />
        <InvitationLanguageField errors={fieldErrorsOf(create.error)} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("inviting") : t("invite")}
          </button>
        </div>
      </form>

      <InviteSeveral taskForceSlug={taskForceSlug} onChange={onChange} />

      <h2>{t("pendingTitle")}</h2>
      {revokedEmail && <SuccessMessage>{t("revoked", { email: revokedEmail })}</SuccessMessage>}
      <FormError error={revoke.error} />
      {(invitations.data ?? []).length === 0 ? (
        <p>{t("pendingNone")}</p>
      ) : (
        <TableScroll label={t("pendingTitle")}>
          <table>
            <caption className="visually-hidden">{t("pendingTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("organization")}</th>
                <th scope="col">{t("expires")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {(invitations.data ?? []).map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{tRoles(invitation.role)}</td>
                  <td>{invitation.organizationName ?? t("none")}</td>
                  <td>
                    <DateTime value={invitation.expiresAt} withTime />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      disabled={revoke.isPending}
                      onClick={() =>
                        revoke.mutate(
                          { taskForceSlug, invitationId: invitation.id },
                          { onSuccess: () => setRevokedEmail(invitation.email) },
                        )
                      }
                    >
                      {t("revoke", { email: invitation.email })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** People whose membership ended: the way to hand on what they still hold. */
function FormerMembers({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("people");
  const trpc = useTRPC();
  const former = useQuery(trpc.people.former.queryOptions({ taskForceSlug }));
  return (
    <>
      <h2>{t("formerTitle")}</h2>
      {(former.data ?? []).length === 0 ? (
        <p>{t("formerNone")}</p>
      ) : (
        <ul>
          {(former.data ?? []).map((person) => (
            <li key={person.userId}>
              {person.name}
              {person.endedAt && (
                <>
                  {" "}
                  ({t("leftOn")} <DateTime value={person.endedAt} />)
                </>
              )}{" "}
              <Link href={`/tf/${taskForceSlug}/members/people/${person.userId}/handoff`} aria-label={t("handOffNamed", { name: person.name })}>
                {t("handOff")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A pasted list of addresses, each invited with one role and organization (invitation.createMany); all or none. */
function InviteSeveral({ taskForceSlug, onChange }: { taskForceSlug: string; onChange: () => Promise<unknown> }) {
  const t = useTranslations("people");
  const trpc = useTRPC();
  const createMany = useMutation(trpc.invitation.createMany.mutationOptions({ onSuccess: onChange }));

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    createMany.mutate({ taskForceSlug, emails: formText(form, "emails"), ...roleAssignmentFrom(form), locale: invitationLanguageFrom(form) }, { onSuccess: () => form.reset() });
  }

  const errors = fieldErrorsOf(createMany.error);
  return (
    <section aria-labelledby="invite-several-heading">
      <h2 id="invite-several-heading">{t("inviteSeveralTitle")}</h2>
      <p>{t("inviteSeveralIntro")}</p>
      {createMany.data && (
        <>
          <p role="status">{t("invitedSeveral", { count: createMany.data.invitations.length })}</p>
          {createMany.data.invitations.map((invitation) => (
            <InvitationOutcome key={invitation.invitationId} result={invitation} />
          ))}
        </>
      )}
      <form className="stack" onSubmit={onInvite} noValidate aria-labelledby="invite-several-heading">
        <FormError error={createMany.error} />
        <Field label={t("emails")} name="emails" errors={errors} required>
          {(control) => <textarea {...control} rows={5} autoComplete="off" />}
        </Field>
        <RoleAndOrganizationFields taskForceSlug={taskForceSlug} errors={errors} />
        <InvitationLanguageField errors={errors} />
        <div>
          <button type="submit" disabled={createMany.isPending}>
            {createMany.isPending ? t("inviting") : t("inviteSeveral")}
          </button>
        </div>
      </form>
    </section>
  );
}
