"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { SuppressionNote } from "../ContributionsOverview";
import { ShownValue } from "../ShownCell";
import type { RouterOutputs } from "../types";
import { TableScroll } from "@/app/_components/TableScroll";

type Table = RouterOutputs["contribution"]["period"];
type Column = Table["columns"][number];

/**
 * The period's table — the same query the CSV/XLSX downloads are made from — with measures down
 * the side and organizations (or groups) across, which reads well for one column as for many.
 */
export function PeriodTable({ taskForceSlug, period }: { taskForceSlug: string; period: string }) {
  const t = useTranslations("contributions");
  const tDisciplines = useTranslations("disciplines");
  const trpc = useTRPC();
  const table = useQuery(trpc.contribution.period.queryOptions({ taskForceSlug, period }));
  if (table.error) return <FormError error={table.error} />;
  if (!table.data) return null;
  const { rows, columns } = table.data;
  const heading = (row: Table["rows"][number]) =>
    row.kind === "organization" ? (row.name ?? "") : row.kind === "all" ? t("allOrganizations") : t("otherOrganizations");
  const label = (column: Column) => {
    if (column.measure === "peopleTrained") return `${t("measures.peopleTrained")}: ${tDisciplines(column.dimension as never)}`;
    if (column.measure === "services") return column.dimension === "total" ? t("measures.servicesTotal") : `${t("measures.services")}: ${t(`serviceTypes.${column.dimension}` as never)}`;
    return t(`measures.${column.measure}` as never);
  };
  // Sectors and service types nobody reported are left out on screen (the downloads keep every column).
  const shown = columns.filter(
    (column) => (column.measure !== "peopleTrained" && column.measure !== "services") || column.dimension === "total" || rows.some((row) => {
      const cell = row.cells[column.key];
      return cell !== undefined && (cell.suppressed || cell.value !== 0);
    }),
  );
  return (
    <section aria-labelledby="period-table-heading">
      <h2 id="period-table-heading">{t("tableHeading", { period })}</h2>
      <p>{t("tableIntro")}</p>
      <SuppressionNote suppressed={table.data.suppressed} threshold={table.data.threshold} publication={table.data.publication} />
      <TableScroll label={t("tableHeading", { period })}>
        <table>
          <caption className="visually-hidden">{t("tableHeading", { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("measureColumn")}</th>
              {rows.map((row) => (
                <th scope="col" key={row.key}>
                  {heading(row)}
                  <br />
                  <span className="hint">
                    {row.kind === "organization" && row.status ? t(`status.${row.status}`) : t("reportingLine", { count: row.reporting })}
                    {row.late ? ` (${t("late")})` : ""}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((column) => (
              <tr key={column.key}>
                <th scope="row">{label(column)}</th>
                {rows.map((row) => (
                  <td key={row.key}>
                    <ShownValue cell={row.cells[column.key]} kind={column.kind} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
