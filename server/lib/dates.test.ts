import { describe, expect, it } from "vitest";
import { dateInZone, dateTimeFormat } from "./dates";

describe("dateTimeFormat", () => {
  it("builds one formatter per locale and options, and keeps zones apart", () => {
    const chicago = dateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" });
    expect(dateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" })).toBe(chicago);
    expect(dateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })).not.toBe(chicago);
    expect(dateTimeFormat("en-US", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" })).not.toBe(chicago);
  });

  it("reads the same instant as different dates in different zones, however often it is asked", () => {
    const instant = new Date("2026-12-05T03:30:00Z");
    for (let round = 0; round < 3; round++) {
      expect(dateInZone(instant, "America/Chicago")).toBe("2026-12-04");
      expect(dateInZone(instant, "Asia/Tokyo")).toBe("2026-12-05");
      expect(dateInZone(instant, "UTC")).toBe("2026-12-05");
    }
  });

  it("refuses an unknown zone as Intl does, and remembers nothing for it", () => {
    expect(() => dateInZone(new Date(), "Mars/Olympus")).toThrow(RangeError);
    expect(() => dateInZone(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});
