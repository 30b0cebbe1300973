import { describe, expect, it } from "vitest";
import { csvAmount, csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x.example.org\")", "\"'=HYPERLINK(\"\"http://x.example.org\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "\"'\r=1+1\""],
  ])("keeps %j from starting a formula", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves ordinary text, numbers and blanks alone, quoting only what RFC 4180 asks", () => {
    expect(csvCell("Safe Harbor")).toBe("Safe Harbor");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell("x=1")).toBe("x=1");
  });
});

describe("csvAmount", () => {
  it("writes money with exactly two decimals, as a number and never as protected text", () => {
    expect(csvCell(csvAmount(13977.5))).toBe("13977.50");
    expect(csvCell(csvAmount(50000))).toBe("50000.00");
    expect(csvCell(csvAmount(0.1 + 0.2))).toBe("0.30");
    expect(csvCell(csvAmount(-12.5))).toBe("-12.50");
  });
});

describe("toCsv", () => {
  it("writes CRLF rows, with a byte-order mark only when asked", () => {
    expect(toCsv([["a", 1], ["=b", null]])).toBe("a,1\r\n'=b,\r\n");
    expect(toCsv([["a"]], { byteOrderMark: true })).toBe("\uFEFFa\r\n");
  });
});
