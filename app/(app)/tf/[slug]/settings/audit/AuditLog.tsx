"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import { useTRPC } from "@/app/_trpc/client";
import { AUDIT_PAGE_SIZE, nextAuditPage } from "./auditPaging";
import type messages from "@/app/i18n/messages/en.json";
import { TableScroll } from "@/app/_components/TableScroll";

type EntityKey = `entities.${keyof (typeof messages)["audit"]["entities"]}`;
type ActionKey = `actions.${keyof (typeof messages)["audit"]["actions"]}`;

function display(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function AuditLog({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { taskForceSlug, limit: AUDIT_PAGE_SIZE },
      { getNextPageParam: nextAuditPage },
    ),
  );
  const rows = pages.data?.pages.flatMap((page) => page.entries) ?? [];
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
                <td>
                  {t("entry", {
                    entity: t.has(`entities.${entry.entity}` as EntityKey) ? t(`entities.${entry.entity}` as EntityKey) : entry.entity,
                    action: t.has(`actions.${entry.action}` as ActionKey) ? t(`actions.${entry.action}` as ActionKey) : entry.action,
                  })}
                </td>
                <td>
                  <ul>
                    {Object.entries(entry.changes).map(([field, change]) => (
                      <li key={field}>
                        {/* A value kept beside a change to say what it concerns (which program a funder joined), not changed itself. */}
                        {JSON.stringify(change.from) === JSON.stringify(change.to)
                          ? t("context", { field, value: display(change.from, t("empty")) })
                          : t("change", { field, from: display(change.from, t("empty")), to: display(change.to, t("empty")) })}
                      </li>
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
