import { describe, expect, it } from "vitest";
import { safeSitePath } from "./sitePath";

describe("safeSitePath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeSitePath("/tf/riverbend-demo/members/people")).toBe("/tf/riverbend-demo/members/people");
    expect(safeSitePath("/invite/abc?x=1")).toBe("/invite/abc?x=1");
    expect(safeSitePath(["/account", "/other"])).toBe("/account");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["absolute URL", "https://evil.example.org/"],
    ["protocol-relative", "//evil.example.org"],
    ["backslash twin of protocol-relative", "/\\evil.example.org"],
    ["backslash later on", "/tf\\..\\evil"],
    ["control character", "/\t/evil.example.org"],
    ["relative path", "account"],
    ["javascript scheme", "javascript:alert(1)"],
  ])("falls back to the home page for a %s value", (_label, value) => {
    expect(safeSitePath(value)).toBe("/");
  });
});
