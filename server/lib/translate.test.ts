import { describe, expect, it } from "vitest";
import { currencyNumberFormat } from "./translate";

describe("currencyNumberFormat", () => {
  it("shows US dollars with the dollar sign, thousands separators and cents", () => {
    expect(currencyNumberFormat("USD")).toBe("[$$]#,##0.00");
  });

  it("takes the symbol of another currency from the locale, or its code where the locale has none", () => {
    expect(currencyNumberFormat("EUR")).toBe("[$€]#,##0.00");
    expect(currencyNumberFormat("XTS")).toBe("[$XTS]#,##0.00");
  });
});
