"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/app/_components/ConfirmDialog";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SelectField, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * Funding programs for administrators: each program with its program officers and task forces, the
 * forms to add to either, and the form to create a program. Removals ask first (useConfirm).
 */
export function FundingProgramsAdmin() {
  const t = useTranslations("fundingPrograms");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const programs = useQuery(trpc.admin.fundingProgram.list.queryOptions());
  const taskForces = useQuery(trpc.admin.taskForce.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.fundingProgram.list.queryKey() });
  const create = useMutation(trpc.admin.fundingProgram.create.mutationOptions({ onSuccess: refresh }));
  const addFunder = useMutation(trpc.admin.fundingProgram.addFunder.mutationOptions({ onSuccess: refresh }));
  const removeFunder = useMutation(trpc.admin.fundingProgram.removeFunder.mutationOptions({ onSuccess: refresh }));
  const addTaskForce = useMutation(trpc.admin.fundingProgram.addTaskForce.mutationOptions({ onSuccess: refresh }));
  const removeTaskForce = useMutation(trpc.admin.fundingProgram.removeTaskForce.mutationOptions({ onSuccess: refresh }));

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    create.mutate(
      { name: formText(form, "name"), funderOrganization: formText(form, "funderOrganization"), description: formText(form, "description") },
      {
        onSuccess: (created) => {
          form.reset();
          setNotice(t("created", { name: created.name }));
        },
      },
    );
  }

  function onAddFunder(event: FormEvent<HTMLFormElement>, program: { id: string; name: string }) {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    addFunder.mutate(
      { programId: program.id, email: formText(form, "email") },
      {
        onSuccess: (added) => {
          form.reset();
          setNotice(t("officerAdded", { name: added.name, program: program.name }));
        },
      },
    );
  }

  async function onRemoveFunder(program: { id: string; name: string }, funder: { userId: string; name: string }) {
    const question = { text: t("confirmRemoveOfficer", { name: funder.name, program: program.name }), confirmLabel: t("removeOfficer", { name: funder.name }), cancelLabel: t("keepOfficer", { name: funder.name }) };
    if (!(await confirm(question))) return;
    setNotice(null);
    removeFunder.mutate({ programId: program.id, userId: funder.userId }, { onSuccess: () => setNotice(t("officerRemoved", { name: funder.name, program: program.name })) });
  }

  function onAddTaskForce(event: FormEvent<HTMLFormElement>, program: { id: string; name: string }) {
    event.preventDefault();
    const form = event.currentTarget;
    const taskForceId = formText(form, "taskForceId");
    const name = taskForces.data?.find((taskForce) => taskForce.id === taskForceId)?.name ?? "";
    setNotice(null);
    addTaskForce.mutate(
      { programId: program.id, taskForceId },
      {
        onSuccess: () => {
          form.reset();
          setNotice(t("taskForceAdded", { name, program: program.name }));
        },
      },
    );
  }

  async function onRemoveTaskForce(program: { id: string; name: string }, taskForce: { taskForceId: string; name: string }) {
    const question = { text: t("confirmRemoveTaskForce", { name: taskForce.name, program: program.name }), confirmLabel: t("removeTaskForce", { name: taskForce.name }), cancelLabel: t("keepTaskForce", { name: taskForce.name }) };
    if (!(await confirm(question))) return;
    setNotice(null);
    removeTaskForce.mutate(
      { programId: program.id, taskForceId: taskForce.taskForceId },
      { onSuccess: () => setNotice(t("taskForceRemoved", { name: taskForce.name, program: program.name })) },
    );
  }

  const createErrors = fieldErrorsOf(create.error);
  return (
    <>
      {dialog}
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <FormError error={programs.error} />
      <FormError error={removeFunder.error} />
      <FormError error={removeTaskForce.error} />
      {programs.data?.length === 0 && <p>{t("none")}</p>}
      {programs.data?.map((program) => {
        const headingId = `program-${program.id}`;
        const inProgram = new Set(program.taskForces.map((taskForce) => taskForce.taskForceId));
        const choices = (taskForces.data ?? []).filter((taskForce) => !inProgram.has(taskForce.id)).map((taskForce) => ({ value: taskForce.id, label: taskForce.name }));
        const addingHere = <V extends { programId: string }>(variables: V | undefined) => variables?.programId === program.id;
        return (
          <section key={program.id} aria-labelledby={headingId} className="stack">
            <h2 id={headingId}>{program.name}</h2>
            <p>{t("funderOrganizationLine", { organization: program.funderOrganization })}</p>
            {program.description && <p>{program.description}</p>}

            <h3>{t("officersHeading")}</h3>
            <PeopleOrTaskForces
              caption={t("officersCaption", { program: program.name })}
              empty={t("noOfficers")}
              nameColumn={t("officerName")}
              rows={program.funders.map((funder) => ({ key: funder.userId, name: funder.name, email: funder.email, since: funder.addedAt }))}
              removeLabel={(name) => t("removeOfficer", { name })}
              removing={removeFunder.isPending}
              onRemove={(row) => onRemoveFunder(program, { userId: row.key, name: row.name })}
            />
            <form className="stack" onSubmit={(event) => onAddFunder(event, program)} noValidate>
              {addingHere(addFunder.variables) && <FormError error={addFunder.error} />}
              <Field
                label={t("officerEmailLabel", { program: program.name })}
                name="email"
                type="email"
                hint={t("officerEmailHint")}
                errors={addingHere(addFunder.variables) ? fieldErrorsOf(addFunder.error) : undefined}
                required
              />
              <div>
                <button type="submit" disabled={addFunder.isPending}>
                  {t("addOfficer")}
                </button>
              </div>
            </form>

            <h3>{t("taskForcesHeading")}</h3>
            <PeopleOrTaskForces
              caption={t("taskForcesCaption", { program: program.name })}
              empty={t("noTaskForces")}
              nameColumn={t("taskForceName")}
              rows={program.taskForces.map((taskForce) => ({ key: taskForce.taskForceId, name: taskForce.name, since: taskForce.addedAt }))}
              removeLabel={(name) => t("removeTaskForce", { name })}
              removing={removeTaskForce.isPending}
              onRemove={(row) => onRemoveTaskForce(program, { taskForceId: row.key, name: row.name })}
            />
            {choices.length > 0 && (
              <form className="stack" onSubmit={(event) => onAddTaskForce(event, program)} noValidate>
                {addingHere(addTaskForce.variables) && <FormError error={addTaskForce.error} />}
                <SelectField
                  label={t("taskForceLabel", { program: program.name })}
                  name="taskForceId"
                  options={choices}
                  noneLabel={t("chooseTaskForce")}
                  errors={addingHere(addTaskForce.variables) ? fieldErrorsOf(addTaskForce.error) : undefined}
                  required
                />
                <div>
                  <button type="submit" disabled={addTaskForce.isPending}>
                    {t("addTaskForce")}
                  </button>
                </div>
              </form>
            )}
          </section>
        );
      })}

      <section aria-labelledby="create-program" className="stack">
        <h2 id="create-program">{t("createHeading")}</h2>
        <form className="stack" onSubmit={onCreate} noValidate>
          <FormError error={create.error} />
          <Field label={t("name")} name="name" hint={t("nameHint")} errors={createErrors} required />
          <Field label={t("funderOrganization")} name="funderOrganization" errors={createErrors} required />
          <Field label={t("description")} name="description" hint={t("descriptionHint")} errors={createErrors}>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
          <div>
            <button type="submit" disabled={create.isPending}>
              {t("create")}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

interface ProgramRow {
  key: string;
  name: string;
  /** Shown for program officers, who are told apart by it. */
  email?: string;
  since: Date;
}

/** A program's officers or task forces: who or what, since when, and the button that takes it out. */
function PeopleOrTaskForces(props: {
  caption: string;
  empty: string;
  nameColumn: string;
  rows: ProgramRow[];
  removeLabel: (name: string) => string;
  removing: boolean;
  onRemove: (row: ProgramRow) => void;
}) {
  const t = useTranslations("fundingPrograms");
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  const withEmail = props.rows.some((row) => row.email !== undefined);
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameColumn}</th>
            {withEmail && <th scope="col">{t("officerEmail")}</th>}
            <th scope="col">{t("since")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {withEmail && <td>{row.email}</td>}
              <td>
                <DateTime value={row.since} />
              </td>
              <td>
                <button type="button" className="secondary" disabled={props.removing} onClick={() => props.onRemove(row)}>
                  {props.removeLabel(row.name)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
