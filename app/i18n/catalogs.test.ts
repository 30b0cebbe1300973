import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogProblems } from "./catalogParity";
import { catalogName, DEFAULT_LOCALE, SUPPORTED_LOCALES } from "./locales";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "messages");
const catalogOf = (locale: string) => JSON.parse(readFileSync(path.join(folder, `${locale}.json`), "utf8"));
const reference = catalogOf(catalogName(DEFAULT_LOCALE));

describe("every language's catalog can replace the English one", () => {
  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))("%s has the same keys, each message with the same arguments", (locale) => {
    const problems = catalogProblems(reference, catalogOf(catalogName(locale))).map(({ key, problem }) => `${key}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it("the English catalog itself parses", () => {
    expect(catalogProblems(reference, reference)).toEqual([]);
  });
});

describe("names of spreadsheet sheets", () => {
  // Excel refuses a sheet name over 31 characters or with one of : \ / ? * [ ]; a name cut to fit
  // reads badly ("Requisitos cumplidos a lo larg"), so each language writes its own short names.
  it.each(SUPPORTED_LOCALES)("fit Excel's 31 characters in %s", (locale) => {
    const catalog = catalogOf(catalogName(locale));
    const t = createTranslator({ locale, messages: catalog }) as unknown as (key: string, values?: Record<string, string>) => string;
    const names = [
      ...Object.keys(catalog.reports.sheets).map((key) => t(`reports.sheets.${key}`)),
      ...Object.keys(catalog.funder.export).filter((key) => key.endsWith("Sheet")).map((key) => t(`funder.export.${key}`)),
      t("contributions.file.sheetName", { period: "2026-Q3" }),
      t("contributions.file.aboutSheet"),
    ];
    const unfit = names.filter((name) => name.length > 31 || /[:\\/?*[\]]/.test(name));
    expect(unfit).toEqual([]);
    expect(names.length).toBeGreaterThan(10);
  });
});

describe("codes the server sends in an error's values", () => {
  it.each(SUPPORTED_LOCALES)("read as words in %s, not as codes", (locale) => {
    const t = createTranslator({ locale, messages: catalogOf(catalogName(locale)), namespace: "errors" });
    const sentences = [t("gapTransitionNotAllowed", { from: "wont_fix", to: "in_progress" }), t("statusReasonRequired", { status: "wont_fix" })];
    for (const sentence of sentences) expect(sentence).not.toMatch(/wont_fix|in_progress/);
  });
});

describe("the catalog check finds", () => {
  const english = { gaps: { title: "Gaps", count: "{count, plural, one {# gap} other {# gaps}}", link: "See <link>the list</link>", role: "{role, select, coordinator {Coordinator} other {Someone}}" } };
  const spanish = { gaps: { title: "Brechas", count: "{count, plural, one {# brecha} other {# brechas}}", link: "Vea <link>la lista</link>", role: "{role, select, coordinator {Coordinación} other {Alguien}}" } };
  const problemsWith = (change: (catalog: typeof spanish.gaps) => Record<string, unknown>) =>
    catalogProblems(english, { gaps: change({ ...spanish.gaps }) as never }).map((problem) => `${problem.key}: ${problem.problem}`);

  it("nothing in a faithful translation", () => {
    expect(catalogProblems(english, spanish)).toEqual([]);
  });

  it("a missing key, an extra key and an empty message", () => {
    expect(problemsWith(({ title: _title, ...rest }) => rest)).toEqual(["gaps.title: missing"]);
    expect(problemsWith((gaps) => ({ ...gaps, extra: "Más" }))).toEqual(["gaps.extra: not in the reference catalog"]);
    expect(problemsWith((gaps) => ({ ...gaps, title: " " }))).toEqual(["gaps.title: empty"]);
  });

  it("a renamed argument, a plural turned into plain text, a lost tag and a select with other choices", () => {
    expect(problemsWith((gaps) => ({ ...gaps, count: "{cuenta, plural, one {# brecha} other {# brechas}}" }))).toEqual([expect.stringMatching(/^gaps\.count: arguments differ/)]);
    expect(problemsWith((gaps) => ({ ...gaps, count: "{count} brechas" }))).toEqual([expect.stringMatching(/^gaps\.count: arguments differ/)]);
    expect(problemsWith((gaps) => ({ ...gaps, link: "Vea la lista" }))).toEqual([expect.stringMatching(/^gaps\.link: arguments differ/)]);
    expect(problemsWith((gaps) => ({ ...gaps, role: "{role, select, coordinador {Coordinación} other {Alguien}}" }))).toEqual([
      "gaps.role: the choices of {role, select} differ: coordinator, other vs coordinador, other",
    ]);
  });

  it("a message that does not parse, and a group where a message belongs", () => {
    expect(problemsWith((gaps) => ({ ...gaps, count: "{count, plural, one {# brecha}" }))).toEqual([expect.stringMatching(/^gaps\.count: does not parse/)]);
    expect(problemsWith((gaps) => ({ ...gaps, title: { text: "Brechas" } }))).toEqual([
      "gaps.title: a group where the reference has a message",
      "gaps.title.text: not in the reference catalog",
    ]);
  });
});
