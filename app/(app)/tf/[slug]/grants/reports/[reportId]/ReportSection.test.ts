import { createElement, type ComponentProps, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator, NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/app/i18n/messages/en.json";
import type { ReportSectionContent } from "@/db/schema";
import { COMPARED_SECTION as compared, LEGACY_TRAININGS_SECTION } from "@/server/domains/reports/sections.fixtures";
import { ReportSection } from "./ReportSection";

// Its children come as createElement's third argument (typed as optional here, as JSX would take them).
const Provider = NextIntlClientProvider as FunctionComponent<Omit<ComponentProps<typeof NextIntlClientProvider>, "children"> & { children?: ReactNode }>;
const render = (section: ReportSectionContent) => renderToStaticMarkup(createElement(Provider, { locale: "en", messages, timeZone: "UTC" }, ReportSection({ section, t: createTranslator({ locale: "en", messages, namespace: "reports" }), format: createFormatter({ locale: "en", timeZone: "UTC" }) })));

/** A change as the page writes it: signed for the eye, in words for a screen reader. */
const change = (shown: string, words: string) => `<span aria-hidden="true">${shown}</span><span class="visually-hidden">${words}</span>`;

describe("a report section on the page", () => {
  it("writes a change with its sign and, for screen readers, in words from the figure it started at", async () => {
    const html = render(compared);
    expect(html).toContain(`<td>40</td><td>${change("+12", "up 12 from 40")}</td><td>${change("+30%", "up 30%")}</td>`);
    expect(html).toContain(`<td>${change("-$250.50", "down $250.50 from $1,250.50")}</td><td>$1,250.50</td>`);
    expect(html).toContain(`<td>0</td><td>${change("0", "unchanged from 0")}</td><td>—</td>`);
    // Suppressed stays suppressed, in words too; no previous figure reads "—".
    expect(html).toContain("<td>suppressed</td><td>suppressed</td><td>suppressed</td><td>—</td><td>—</td><td>—</td>");
  });

  it("lays compared totals out as a table under their heading, a figure of the present with blanks beside it", async () => {
    const html = render(compared);
    expect(html).toContain('<caption class="visually-hidden">Persons identified and services: figures that sum it up</caption>');
    expect(html).toContain('<th scope="col">Previous period</th>');
    expect(html).toContain(`<th scope="row">Trainings delivered</th><td>3</td><td>9</td><td>${change("-6", "down 6 from 9")}</td><td>${change("-66.7%", "down 66.7%")}</td>`);
    expect(html).toContain('<th scope="row">Gaps open now</th><td>4</td><td>—</td><td>—</td><td>—</td>');
  });

  it("shows a report stored before figures were compared as before: its totals in a line each", async () => {
    const html = render(LEGACY_TRAININGS_SECTION);
    expect(html).toContain('<ul class="report-totals"><li>Trainings delivered: <strong>4</strong></li></ul>');
    expect(html).toContain('<th scope="row">Health and mental health</th><td>8</td>');
    expect(html).not.toContain("visually-hidden");
  });
});
