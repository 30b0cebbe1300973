import { describe, expect, it } from "vitest";
import { checkFigures, combineFigures, EMPTY_FIGURES, figuresOf, sameFigures, withField, type InKindDraft, type ReportFigures } from "./reportFigures";

const rows = (...items: [string, string][]): InKindDraft[] => items.map(([description, value], key) => ({ key, description, value }));
const figures = (fields: Record<string, string>, ...items: [string, string][]): ReportFigures => ({ fields, inKind: rows(...items) });
/** Rows as a person reads them: description and value, in order. */
const items = (value: ReportFigures) => value.inKind.map((row) => [row.description, row.value]);

describe("the contributions form's figures", () => {
  it("shows what the server holds and reads it back unchanged", () => {
    const content = {
      values: { staffHours: 40.5, referralsMade: 0 },
      peopleTrained: { health: 25 },
      services: { housing: 14 },
      inKind: [{ description: "Meeting room", value: 450 }],
    };
    const shown = figuresOf(content);
    expect(shown).toEqual(figures({ "values.staffHours": "40.5", "values.referralsMade": "0", "peopleTrained.health": "25", "services.housing": "14" }, ["Meeting room", "450"]));
    expect(checkFigures(shown)).toEqual({ ok: true, content });
  });

  it("leaves a cleared field out: blank is not reported, 0 is none", () => {
    const typed = withField(withField(EMPTY_FIGURES, "values.staffHours", "0"), "services.food", "3");
    expect(withField(typed, "services.food", "").fields).toEqual({ "values.staffHours": "0" });
  });

  it("counts figures the same however they are written, and ignores rows left empty", () => {
    const saved = figures({ "values.staffHours": "1.5" }, ["Van", "20"]);
    expect(sameFigures(saved, figures({ "values.staffHours": "1.50" }, ["Van ", "20.0"], ["", " "]))).toBe(true);
    expect(sameFigures(saved, figures({ "values.staffHours": "1.5" }, ["Van", "21"]))).toBe(false);
    // The order of in-kind items is part of the report.
    expect(sameFigures(figures({}, ["A", "1"], ["B", "2"]), figures({}, ["B", "2"], ["A", "1"]))).toBe(false);
  });

  it("puts every problem beside the input it belongs to, past in-kind rows left empty", () => {
    const typed = figures({ "values.trainingsDelivered": "1.5", "services.housing": "-2" }, ["", ""], ["Van", "20"], ["", "12.345"]);
    expect(checkFigures(typed)).toEqual({
      ok: false,
      errors: {
        "values.trainingsDelivered": [{ key: "wholeNumber" }],
        "services.housing": [{ key: "tooSmall", values: { min: 0 } }],
        // The second item sent is the form's third row.
        "inKind.2.description": [{ key: "required" }],
        "inKind.2.value": [{ key: "twoDecimals" }],
      },
    });
  });

  it("sends trimmed descriptions and leaves out rows left empty", () => {
    expect(checkFigures(figures({}, [" Van ", "20"], ["  ", ""]))).toEqual({ ok: true, content: { values: {}, peopleTrained: {}, services: {}, inKind: [{ description: "Van", value: 20 }] } });
  });
});

describe("combining a person's changes with figures someone else saved meanwhile", () => {
  const base = figures({ "values.staffHours": "10", "values.outreachEvents": "2", "services.food": "3" }, ["Meeting room", "450"], ["Van", "200"]);

  it("takes the person's value where they changed a field and the other's everywhere else", () => {
    const mine = figures({ "values.staffHours": "12", "values.outreachEvents": "2", "services.food": "3", "services.housing": "1" }, ["Meeting room", "450"], ["Van", "200"]);
    const theirs = figures({ "values.staffHours": "11", "values.outreachEvents": "5", "services.food": "3" }, ["Meeting room", "450"], ["Van", "200"]);
    expect(combineFigures(base, mine, theirs).fields).toEqual({ "values.staffHours": "12", "values.outreachEvents": "5", "services.food": "3", "services.housing": "1" });
  });

  it("keeps a field the person cleared cleared, and one only the other cleared cleared too", () => {
    const mine = figures({ "values.staffHours": "10", "values.outreachEvents": "2" }, ["Meeting room", "450"], ["Van", "200"]);
    const theirs = figures({ "values.outreachEvents": "2", "services.food": "3" }, ["Meeting room", "450"], ["Van", "200"]);
    expect(combineFigures(base, mine, theirs).fields).toEqual({ "values.outreachEvents": "2" });
  });

  it("keeps the rows each added, removes the rows the person removed, and moves an edited row to the end", () => {
    const mine = figures({ ...base.fields }, ["Van", "250"], ["Printing", "80"]);
    const theirs = figures({ ...base.fields }, ["Meeting room", "450"], ["Van", "200"], ["Interpreter hours", "300"]);
    const combined = combineFigures(base, mine, theirs);
    expect(items(combined)).toEqual([
      ["Interpreter hours", "300"],
      ["Van", "250"],
      ["Printing", "80"],
    ]);
    expect(combined.inKind.map((row) => row.key)).toEqual([0, 1, 2]);
  });

  it("adds a row both people added once, and keeps a row the other removed removed", () => {
    const mine = figures({ ...base.fields }, ["Meeting room", "450"], ["Van", "200"], ["Printing", "80"]);
    const theirs = figures({ ...base.fields }, ["Van", "200"], ["Printing", "80.00"]);
    expect(items(combineFigures(base, mine, theirs))).toEqual([
      ["Van", "200"],
      ["Printing", "80.00"],
    ]);
  });

  it("counts repeated rows: removing one of two equal rows removes one", () => {
    const twice = figures({}, ["Van", "200"], ["Van", "200"]);
    expect(items(combineFigures(twice, figures({}, ["Van", "200"]), figures({}, ["Van", "200"], ["Van", "200"], ["Room", "5"])))).toEqual([
      ["Van", "200"],
      ["Room", "5"],
    ]);
  });

  it("changes nothing of theirs when the person changed nothing", () => {
    const theirs = figures({ "values.staffHours": "30" }, ["Room", "5"]);
    expect(sameFigures(combineFigures(base, base, theirs), theirs)).toBe(true);
  });
});
