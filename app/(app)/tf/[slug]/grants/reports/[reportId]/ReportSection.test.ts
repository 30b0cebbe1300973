import { createElement, type ComponentProps, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import messages from "@/app/i18n/messages/en.json";
import type { ReportSectionContent } from "@/db/schema";
import { LEGACY_TRAININGS_SECTION } from "@/server/domains/reports/legacyReport.fixtures";
import { ReportSection } from "./ReportSection";

// The page's translator and formatter, without a request: English, as the catalog has it.
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { default: catalog } = await import("@/app/i18n/messages/en.json");
  return {
    getTranslations: async (namespace: "reports") => createTranslator({ locale: "en", messages: catalog, namespace }),
    getFormatter: async () => createFormatter({ locale: "en", timeZone: "UTC" }),
  };
});

// Its children come as createElement's third argument (typed as optional here, as JSX would take them).
const Provider = NextIntlClientProvider as FunctionComponent<Omit<ComponentProps<typeof NextIntlClientProvider>, "children"> & { children?: ReactNode }>;
const render = async (section: ReportSectionContent) => renderToStaticMarkup(createElement(Provider, { locale: "en", messages, timeZone: "UTC" }, await ReportSection({ section })));

/** A change as the page writes it: signed for the eye, in words for a screen reader. */
const change = (shown: string, words: string) => `<span aria-hidden="true">${shown}</span><span class="visually-hidden">${words}</span>`;

const compared: ReportSectionContent = {
  key: "victimCounts",
  title: "Persons identified and services",
  columns: [
    { key: "measure", header: "Measure", type: "text" },
    { key: "count", header: "Count", type: "number" },
    { key: "countPrevious", header: "Count: previous period", type: "number", comparison: { of: "count", role: "previous" } },
    { key: "countChange", header: "Count: change", type: "number", comparison: { of: "count", role: "change" } },
    { key: "countChangePercent", header: "Count: change (percent)", type: "percent", comparison: { of: "count", role: "changePercent" } },
    { key: "money", header: "Value (USD)", type: "money", currency: "USD" },
    { key: "moneyChange", header: "Value (USD): change", type: "money", currency: "USD", comparison: { of: "money", role: "change" } },
    { key: "moneyPrevious", header: "Value (USD): previous period", type: "money", currency: "USD", comparison: { of: "money", role: "previous" } },
  ],
  rows: [
    { measure: "Referrals received", count: 52, countPrevious: 40, countChange: 12, countChangePercent: 30, money: 1000, moneyChange: -250.5, moneyPrevious: 1250.5 },
    { measure: "Persons identified as potential victims", count: 25, countPrevious: "suppressed", countChange: "suppressed", countChangePercent: "suppressed", money: null, moneyChange: null, moneyPrevious: null },
    { measure: "Referrals made", count: 0, countPrevious: 0, countChange: 0, countChangePercent: null, money: null, moneyChange: null, moneyPrevious: null },
  ],
  totals: [
    { label: "Trainings delivered", value: 3, previous: 9, change: -6, changePercent: -66.7 },
    { label: "Gaps open now", value: 4 },
  ],
  totalsHeader: ["Figure", "This period", "Previous period", "Change", "Change (percent)"],
};

describe("a report section on the page", () => {
  it("writes a change with its sign and, for screen readers, in words from the figure it started at", async () => {
    const html = await render(compared);
    expect(html).toContain(`<td>40</td><td>${change("+12", "up 12 from 40")}</td><td>${change("+30%", "up 30%")}</td>`);
    expect(html).toContain(`<td>${change("-$250.50", "down $250.50 from $1,250.50")}</td><td>$1,250.50</td>`);
    expect(html).toContain(`<td>0</td><td>${change("0", "unchanged from 0")}</td><td>—</td>`);
    // Suppressed stays suppressed, in words too; no previous figure reads "—".
    expect(html).toContain("<td>suppressed</td><td>suppressed</td><td>suppressed</td><td>—</td><td>—</td><td>—</td>");
  });

  it("lays compared totals out as a table under their heading, a figure of the present with blanks beside it", async () => {
    const html = await render(compared);
    expect(html).toContain('<caption class="visually-hidden">Persons identified and services: figures that sum it up</caption>');
    expect(html).toContain('<th scope="col">Previous period</th>');
    expect(html).toContain(`<th scope="row">Trainings delivered</th><td>3</td><td>9</td><td>${change("-6", "down 6 from 9")}</td><td>${change("-66.7%", "down 66.7%")}</td>`);
    expect(html).toContain('<th scope="row">Gaps open now</th><td>4</td><td>—</td><td>—</td><td>—</td>');
  });

  it("shows a report stored before figures were compared as before: its totals in a line each", async () => {
    const html = await render(LEGACY_TRAININGS_SECTION);
    expect(html).toContain('<ul class="report-totals"><li>Trainings delivered: <strong>4</strong></li></ul>');
    expect(html).toContain('<th scope="row">Health and mental health</th><td>8</td>');
    expect(html).not.toContain("visually-hidden");
  });
});
