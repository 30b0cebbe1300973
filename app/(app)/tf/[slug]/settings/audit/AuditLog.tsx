"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import { useTRPC } from "@/app/_trpc/client";
import { AUDIT_PAGE_SIZE, nextAuditPage } from "./auditPaging";
import { useAuditText } from "./auditText";
import type { AuditValueNames } from "./auditValues";
import { TableScroll } from "@/app/_components/TableScroll";

export function AuditLog({ taskForceSlug, valueNames, elementNames }: { taskForceSlug: string; valueNames: AuditValueNames; elementNames: Record<string, string> }) {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { taskForceSlug, limit: AUDIT_PAGE_SIZE },
      { getNextPageParam: nextAuditPage },
    ),
  );
  const rows = pages.data?.pages.flatMap((page) => page.entries) ?? [];
  const referenceNames = Object.assign({}, ...(pages.data?.pages.map((page) => page.names) ?? [])) as Record<string, string>;
  const text = useAuditText(valueNames, { ...referenceNames, ...elementNames });
  if (rows.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <TableScroll label={t("title")}>
        <table>
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("changes")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <DateTime value={entry.createdAt} withTime />
                </td>
                <td>{entry.actorName ?? t("system")}</td>
                <td>{text.what(entry)}</td>
                <td>
                  <ul>
                    {Object.entries(entry.changes).map(([field, change]) => (
                      <li key={field}>{text.change(entry.entity, field, change)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages.hasNextPage && (
        <button type="button" className="secondary" onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {t("older")}
        </button>
      )}
    </>
  );
}
