"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { useArrival } from "@/app/_components/useArrival";
import { useTranslations } from "next-intl";
import { useConfirm } from "@/app/_components/ConfirmDialog";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { CalendarDate } from "@/app/_components/DateTime";
import { RoundFields, roundFieldsFrom } from "../../RoundFields";
import { TableScroll } from "@/app/_components/TableScroll";

interface Props {
  taskForceSlug: string;
  roundId: string;
}

/** A coordinator's view of one round: its details, the actions its status allows, and who has answered. */
export function ManageRound({ taskForceSlug, roundId }: Props) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // Arriving from the create form: say so here, beside what comes next.
  const justCreated = useArrival() !== null;
  const input = { taskForceSlug, roundId };
  const round = useQuery(trpc.assessment.get.queryOptions(input));
  const [notice, setNotice] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessment.get.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.progress.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey({ taskForceSlug }) }),
    ]);
  const done = (message: string) => async () => {
    setNotice(message);
    await refresh();
  };

  const update = useMutation(
    trpc.assessment.update.mutationOptions({
      onSuccess: async () => {
        await done(t("roundSaved"))();
        // The heading is rendered on the server with the title.
        router.refresh();
      },
    }),
  );
  const open = useMutation(trpc.assessment.open.mutationOptions({ onSuccess: done(t("roundOpened")) }));
  const extend = useMutation(trpc.assessment.extend.mutationOptions({ onSuccess: done(t("roundExtended")) }));
  const close = useMutation(trpc.assessment.close.mutationOptions({ onSuccess: done(t("roundClosed")) }));
  const reopen = useMutation(trpc.assessment.reopen.mutationOptions({ onSuccess: done(t("roundReopened")) }));

  if (!round.data) return null;
  const { round: details, framework, chosenUserIds } = round.data;
  const base = `/tf/${taskForceSlug}/assessments`;

  function onUpdate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    update.mutate({ ...input, ...roundFieldsFrom(event.currentTarget) });
  }
  function onOpen() {
    setNotice(null);
    open.mutate(input);
  }
  function onExtend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    extend.mutate({ ...input, closesOn: formText(event.currentTarget, "closesOn") });
  }
  async function onClose() {
    if (!(await confirm({ text: t("confirmClose", { title: details.title }), confirmLabel: t("closeRound"), cancelLabel: t("keepOpen") }))) return;
    setNotice(null);
    close.mutate(input);
  }
  function onReopen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const closesOn = formText(event.currentTarget, "closesOn");
    reopen.mutate({ ...input, reason: formText(event.currentTarget, "reason"), ...(closesOn ? { closesOn } : {}) });
  }

  return (
    <>
      {dialog}
      <p>
        <Link href={base}>{t("backToRounds")}</Link> · <Link href={`${base}/${roundId}`}>{t("resultsOf", { title: details.title })}</Link>
      </p>
      <dl className="details">
        <dt>{t("statusColumn")}</dt>
        <dd>{t(`status.${details.status}`)}</dd>
        <dt>{t("opensOn")}</dt>
        <dd>
          <CalendarDate value={details.opensOn} />
        </dd>
        <dt>{t("closesOn")}</dt>
        <dd>
          <CalendarDate value={details.closesOn} />
        </dd>
        <dt>{t("audience")}</dt>
        <dd>{details.audience === "all" ? t("audienceAll") : t("audienceChosenCount", { count: chosenUserIds.length })}</dd>
        <dt>{t("framework")}</dt>
        <dd>{t("frameworkVersion", { name: framework.name, version: framework.version })}</dd>
        {details.openedAt && (
          <>
            <dt>{t("openedAt")}</dt>
            <dd>
              <DateTime value={details.openedAt} withTime />
            </dd>
          </>
        )}
        {details.closedAt && (
          <>
            <dt>{t("closedAt")}</dt>
            <dd>
              <DateTime value={details.closedAt} withTime />
            </dd>
          </>
        )}
      </dl>

      {(notice ?? (justCreated && details.status === "draft")) && <SuccessMessage>{notice ?? t("created", { title: details.title })}</SuccessMessage>}

      <div className="round-actions">
        {details.status === "draft" && (
          <>
            <section aria-labelledby="open-heading">
              <h2 id="open-heading">{t("openHeading")}</h2>
              <p>{t("openIntro")}</p>
              <FormError error={open.error} />
              <button type="button" onClick={onOpen} disabled={open.isPending}>
                {t("openRound")}
              </button>
            </section>
            <form className="stack" onSubmit={onUpdate} noValidate aria-labelledby="edit-heading">
              <h2 id="edit-heading">{t("editHeading")}</h2>
              <FormError error={update.error} />
              <RoundFields
                taskForceSlug={taskForceSlug}
                errors={fieldErrorsOf(update.error)}
                defaults={{ title: details.title, opensOn: details.opensOn, closesOn: details.closesOn, audience: details.audience, userIds: chosenUserIds }}
              />
              <div>
                <button type="submit" disabled={update.isPending}>
                  {t("saveRound")}
                </button>
              </div>
            </form>
          </>
        )}

        {details.status === "open" && (
          <>
            <form className="stack" onSubmit={onExtend} noValidate aria-labelledby="extend-heading">
              <h2 id="extend-heading">{t("extendHeading")}</h2>
              <FormError error={extend.error} />
              <Field
                label={t("newClosesOn")}
                name="closesOn"
                type="date"
                hint={t("dateHint")}
                defaultValue={details.closesOn}
                errors={fieldErrorsOf(extend.error)}
                required
              />
              <div>
                <button type="submit" disabled={extend.isPending}>
                  {t("extendRound")}
                </button>
              </div>
            </form>
            <section aria-labelledby="close-heading">
              <h2 id="close-heading">{t("closeHeading")}</h2>
              <p>{t("closeIntro")}</p>
              <FormError error={close.error} />
              <button type="button" className="danger" onClick={onClose} disabled={close.isPending}>
                {t("closeRound")}
              </button>
            </section>
          </>
        )}

        {details.status === "closed" && (
          <form className="stack" onSubmit={onReopen} noValidate aria-labelledby="reopen-heading">
            <h2 id="reopen-heading">{t("reopenHeading")}</h2>
            <p>{t("reopenIntro")}</p>
            <FormError error={reopen.error} />
            <Field label={t("reopenReason")} name="reason" hint={t("reopenReasonHint")} errors={fieldErrorsOf(reopen.error)} required>
              {(control) => <textarea {...control} rows={3} />}
            </Field>
            <Field label={t("newClosesOn")} name="closesOn" type="date" hint={t("reopenClosesOnHint")} errors={fieldErrorsOf(reopen.error)} />
            <div>
              <button type="submit" disabled={reopen.isPending}>
                {t("reopenRound")}
              </button>
            </div>
          </form>
        )}
      </div>

      <Progress taskForceSlug={taskForceSlug} roundId={roundId} isOpen={details.status === "open"} />
    </>
  );
}

/** Who has answered: counts, by organization and by discipline, each person, and a reminder for the rest. */
function Progress({ taskForceSlug, roundId, isOpen }: { taskForceSlug: string; roundId: string; isOpen: boolean }) {
  const t = useTranslations("assessments");
  const tDisciplines = useTranslations("disciplines");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { taskForceSlug, roundId };
  const progress = useQuery(trpc.assessment.progress.queryOptions(input));
  const remind = useMutation(
    trpc.assessment.remind.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessment.progress.queryKey(input) }),
    }),
  );
  const data = progress.data;
  if (!data) return null;
  const disciplineName = (discipline: string | null) =>
    discipline === null ? t("noDiscipline") : tDisciplines.has(discipline as "other") ? tDisciplines(discipline as "other") : discipline;
  const statusWord = (status: "notStarted" | "started" | "submitted") => t(`respondentStatus.${status}`);

  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t("progressHeading")}</h2>
      <p className="progress-count">
        {t("progressCounts", { asked: data.askedCount, started: data.startedCount, submitted: data.submittedCount })}
      </p>

      <GroupProgressTable
        caption={t("byOrganization")}
        groupHeading={t("organization")}
        groups={data.byOrganization.map((group) => ({
          key: group.organizationId ?? "none",
          label: group.organizationName ?? t("noOrganization"),
          ...group,
        }))}
      />
      <GroupProgressTable
        caption={t("byDiscipline")}
        groupHeading={t("discipline")}
        groups={data.byDiscipline.map((group) => ({ key: group.discipline ?? "none", label: disciplineName(group.discipline), ...group }))}
      />

      <TableScroll label={t("respondentsCaption")}>
        <table>
          <caption>{t("respondentsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("person")}</th>
              <th scope="col">{t("organization")}</th>
              <th scope="col">{t("discipline")}</th>
              <th scope="col">{t("statusColumn")}</th>
              <th scope="col">{t("answeredColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {data.respondents.map((person) => (
              <tr key={person.userId}>
                <th scope="row">{person.name}</th>
                <td>{person.organizationName ?? t("noOrganization")}</td>
                <td>{disciplineName(person.discipline)}</td>
                <td>
                  {statusWord(person.status)}
                  {person.submittedAt && (
                    <>
                      {" "}
                      (<DateTime value={person.submittedAt} withTime />)
                    </>
                  )}
                  {!person.asked && <> {t("noLongerAsked")}</>}
                </td>
                <td>{t("answeredOf", { answered: person.answeredCount, total: data.elementCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3 id="not-submitted-heading">{t("notSubmittedHeading", { count: data.notSubmitted.length })}</h3>
      {data.notSubmitted.length === 0 ? (
        <p>{t("everyoneSubmitted")}</p>
      ) : (
        <ul aria-labelledby="not-submitted-heading">
          {data.notSubmitted.map((person) => (
            <li key={person.userId}>{person.name}</li>
          ))}
        </ul>
      )}
      {isOpen && data.notSubmitted.length > 0 && (
        <>
          <p>{t("remindIntro")}</p>
          <FormError error={remind.error} />
          {remind.data && (
            <SuccessMessage>
              {t("reminded", { notified: remind.data.notified, already: remind.data.alreadyRemindedToday, emailed: remind.data.emailed })}
            </SuccessMessage>
          )}
          <button type="button" onClick={() => remind.mutate(input)} disabled={remind.isPending}>
            {t("sendReminder")}
          </button>
        </>
      )}
    </section>
  );
}

/** Asked, started and submitted per group (organization or discipline). */
function GroupProgressTable({
  caption,
  groupHeading,
  groups,
}: {
  caption: string;
  groupHeading: string;
  groups: { key: string; label: string; asked: number; started: number; submitted: number }[];
}) {
  const t = useTranslations("assessments");
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeading}</th>
            <th scope="col">{t("askedColumn")}</th>
            <th scope="col">{t("startedColumn")}</th>
            <th scope="col">{t("submittedColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              <th scope="row">{group.label}</th>
              <td>{group.asked}</td>
              <td>{group.started}</td>
              <td>{group.submitted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
