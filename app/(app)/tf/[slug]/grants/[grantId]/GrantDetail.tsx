"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { Fragment } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { AddRequirementForms } from "./AddRequirementForms";
import { EditGrantForm } from "./EditGrantForm";
import { LocalMatch } from "./LocalMatch";
import { RequirementEditor } from "./RequirementEditor";
import { RequirementHistory } from "./RequirementHistory";
import { RequirementStatus } from "./RequirementStatus";
import { TableScroll } from "@/app/_components/TableScroll";

/** An award: its terms, local match, reporting periods, requirements with status, owner, due date and evidence, and their progress over time. */
export function GrantDetail({ taskForceSlug, grantId, canGenerateReports, asOf }: { taskForceSlug: string; grantId: string; canGenerateReports: boolean; asOf: string | undefined }) {
  const t = useTranslations("grants");
  const tRequirements = useTranslations("requirements");
  const format = useFormatter();
  const trpc = useTRPC();
  const detail = useQuery(trpc.grant.get.queryOptions({ taskForceSlug, grantId }));
  if (detail.error) return <FormError error={detail.error} />;
  if (!detail.data) return null;
  const { grant, reporting, progress, requirements, canManage } = detail.data;
  return (
    <>
      <section aria-labelledby="award-heading">
        <h2 id="award-heading">{t("awardHeading")}</h2>
        <dl className="facts">
          <dt>{t("funderLabel")}</dt>
          <dd>{grant.funderName}</dd>
          <dt>{t("programLabel")}</dt>
          <dd>{grant.program}</dd>
          <dt>{t("amountLabel")}</dt>
          <dd>{format.number(grant.amount, { style: "currency", currency: PROGRAM_CURRENCY })}</dd>
          {grant.matchTarget !== null && (
            <>
              <dt>{t("matchLabel")}</dt>
              <dd>{format.number(grant.matchTarget, { style: "currency", currency: PROGRAM_CURRENCY })}</dd>
            </>
          )}
          <dt>{t("periodColumn")}</dt>
          <dd>
            <CalendarDate value={grant.periodStart} /> – <CalendarDate value={grant.periodEnd} />
          </dd>
          <dt>{t("cadenceLabel")}</dt>
          <dd>{t(`cadence.${grant.reportingCadence}`)}</dd>
        </dl>
        {canManage && <EditGrantForm taskForceSlug={taskForceSlug} grantId={grantId} grant={grant} />}
      </section>

      <LocalMatch taskForceSlug={taskForceSlug} match={detail.data.match} canManage={canManage} canSetRates={detail.data.canSetRates} />

      <section aria-labelledby="periods-heading">
        <h2 id="periods-heading">{t("periodsHeading")}</h2>
        {canGenerateReports && (
          <p>
            <Link href={`/tf/${taskForceSlug}/grants/reports`}>{t("reportsLink")}</Link>
          </p>
        )}
        <p>{t("reportOfRecordNote")}</p>
        <TableScroll label={t("periodsHeading")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("periodColumn")}</th>
                <th scope="col">{t("dueColumn")}</th>
                <th scope="col">{t("suspensionColumn")}</th>
                <th scope="col">{t("reportedColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {reporting.periods.map((period) => (
                <tr key={period.end}>
                  <th scope="row">
                    <CalendarDate value={period.start} /> – <CalendarDate value={period.end} />
                  </th>
                  <td>
                    <CalendarDate value={period.dueOn} />
                    {reporting.overdue.some((overdue) => overdue.end === period.end) && (
                      <>
                        {" "}
                        <strong className="badge">{t("overdue")}</strong>
                      </>
                    )}
                  </td>
                  <td>
                    <CalendarDate value={period.suspensionOn} />
                  </td>
                  <td>
                    {period.reportOfRecord ? (
                      <>
                        {period.reportOfRecord.id ? (
                          <Link href={`/tf/${taskForceSlug}/grants/reports/${period.reportOfRecord.id}`}>
                            {t("reportOfRecordOn", { date: format.dateTime(period.reportOfRecord.generatedAt, { dateStyle: "medium" }) })}
                          </Link>
                        ) : (
                          t("reportOfRecordOn", { date: format.dateTime(period.reportOfRecord.generatedAt, { dateStyle: "medium" }) })
                        )}
                        {period.reportOfRecord.generatedByName && <> {t("reportOfRecordBy", { name: period.reportOfRecord.generatedByName })}</>}
                      </>
                    ) : (
                      t("reportedNo")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="requirements-heading">
        <h2 id="requirements-heading">{tRequirements("heading")}</h2>
        <p className="progress-count">
          {tRequirements("progress", {
            met: progress.met,
            applicable: progress.total - progress.notApplicable,
            inProgress: progress.inProgress,
            notStarted: progress.notStarted,
            notApplicable: progress.notApplicable,
          })}
        </p>
        {requirements.length === 0 ? (
          <p>{tRequirements("none")}</p>
        ) : (
          <TableScroll label={tRequirements("heading")}>
            <table className="requirements">
              <thead>
                <tr>
                  <th scope="col">{tRequirements("requirementColumn")}</th>
                  <th scope="col">{tRequirements("statusColumn")}</th>
                  <th scope="col">{tRequirements("ownerColumn")}</th>
                  <th scope="col">{tRequirements("dueColumn")}</th>
                  <th scope="col">{tRequirements("evidenceColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {requirements.map((requirement) => (
                  <Fragment key={requirement.id}>
                    <tr>
                      <th scope="row">
                        {requirement.title}
                        {requirement.description && <span className="hint">{requirement.description}</span>}
                      </th>
                      <td>
                        <RequirementStatus requirement={requirement} />
                      </td>
                      <td>{requirement.ownerOrganizationName ?? requirement.ownerUserName ?? tRequirements("noOwner")}</td>
                      <td>{requirement.dueOn ? <CalendarDate value={requirement.dueOn} /> : tRequirements("noDue")}</td>
                      <td>
                        {requirement.evidence.length === 0 ? (
                          tRequirements("noEvidence")
                        ) : (
                          <ul className="evidence">
                            {requirement.evidence.map((item) => (
                              <li key={item.id}>
                                <span className="evidence-kind">{tRequirements(`kind.${item.kind}` as "kind.url")}</span>{" "}
                                {item.href ? <a href={item.href}>{item.label || item.recordLabel || item.href}</a> : item.label}
                                {item.missing && <> {tRequirements("evidenceMissing")}</>}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                    {canManage && (
                      // The editor spans the table's width on a row of its own, right under its requirement.
                      <tr className="editor-row">
                        <td colSpan={5}>
                          <RequirementEditor taskForceSlug={taskForceSlug} requirement={requirement} evidenceKinds={detail.data.evidenceKinds} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {canManage && <AddRequirementForms taskForceSlug={taskForceSlug} grantId={grantId} templates={detail.data.templates} />}
      <RequirementHistory taskForceSlug={taskForceSlug} grantId={grantId} today={detail.data.today} asOf={asOf} />
    </>
  );
}
