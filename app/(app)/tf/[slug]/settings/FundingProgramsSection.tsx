"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useConfirm } from "@/app/_components/ConfirmDialog";
import { DateTime } from "@/app/_components/DateTime";
import { FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * The funding programs this task force is in, and the others it can be put into: a coordinator puts
 * it in (its program officers then see it as funders) or takes it out, each after a confirmation
 * that says who gains or loses access.
 */
export function FundingProgramsSection({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("fundingPrograms");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { taskForceSlug };
  const programs = useQuery(trpc.fundingProgram.list.queryOptions(input));
  const [notice, setNotice] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fundingProgram.list.queryKey(input) });
  const join = useMutation(trpc.fundingProgram.join.mutationOptions({ onSuccess: refresh }));
  const leave = useMutation(trpc.fundingProgram.leave.mutationOptions({ onSuccess: refresh }));

  type Program = NonNullable<typeof programs.data>[number];

  async function onJoin(program: Program) {
    const text =
      program.funders.length > 0
        ? t("confirmJoin", { program: program.name, organization: program.funderOrganization, names: format.list(program.funders, { type: "conjunction" }) })
        : t("confirmJoinNobodyYet", { program: program.name, organization: program.funderOrganization });
    if (!(await confirm({ text, confirmLabel: t("join", { program: program.name }), cancelLabel: t("keepOut") }))) return;
    setNotice(null);
    join.mutate({ taskForceSlug, programId: program.id }, { onSuccess: () => setNotice(t("joined", { program: program.name })) });
  }

  async function onLeave(program: Program) {
    if (!(await confirm({ text: t("confirmLeave", { program: program.name }), confirmLabel: t("leave", { program: program.name }), cancelLabel: t("keepIn") }))) return;
    setNotice(null);
    leave.mutate({ taskForceSlug, programId: program.id }, { onSuccess: () => setNotice(t("left", { program: program.name })) });
  }

  return (
    <section aria-labelledby="funding-programs-heading">
      <h2 id="funding-programs-heading">{t("settingsHeading")}</h2>
      <p>{t("settingsIntro")}</p>
      {dialog}
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <FormError error={programs.error ?? join.error ?? leave.error} />
      {programs.data?.length === 0 && <p>{t("settingsNone")}</p>}
      {programs.data && programs.data.length > 0 && (
        <TableScroll label={t("settingsCaption")}>
          <table>
            <caption className="visually-hidden">{t("settingsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("program")}</th>
                <th scope="col">{t("officers")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {programs.data.map((program) => (
                <tr key={program.id}>
                  <th scope="row">
                    {program.name}
                    <br />
                    <span className="hint">{t("funderOrganizationLine", { organization: program.funderOrganization })}</span>
                    {program.description && (
                      <>
                        <br />
                        <span className="hint">{program.description}</span>
                      </>
                    )}
                  </th>
                  <td>{program.funders.length > 0 ? format.list(program.funders, { type: "conjunction" }) : t("noOfficers")}</td>
                  <td>
                    {program.coveredSince ? (
                      <>
                        {t("coveredSinceLabel")} <DateTime value={program.coveredSince} />
                      </>
                    ) : (
                      t("notCovered")
                    )}
                  </td>
                  <td>
                    {program.coveredSince ? (
                      <button type="button" className="secondary" disabled={leave.isPending} onClick={() => onLeave(program)}>
                        {t("leave", { program: program.name })}
                      </button>
                    ) : (
                      <button type="button" disabled={join.isPending} onClick={() => onJoin(program)}>
                        {t("join", { program: program.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
