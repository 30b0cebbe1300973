import { describe, expect, it } from "vitest";
import { dateInZone } from "@/server/lib/dates";
import { clockInstants, integrationInstant, nextOffsetChanges } from "./testClock";

const chicagoClock = (instant: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", hourCycle: "h23", dateStyle: "short", timeStyle: "short" }).format(new Date(instant));

describe("the clock step's instants", () => {
  const now = Date.parse("2026-12-05T06:45:00Z");

  it("are the coming risky moments: after midnight UTC and both daylight-saving nights", () => {
    expect(clockInstants(now).map((instant) => instant.at)).toEqual(["2026-12-06T00:30:00.000Z", "2027-03-14T07:30:00.000Z", "2027-11-07T06:30:00.000Z"]);
    expect(dateInZone(new Date(clockInstants(now)[0]!.at), "America/Chicago")).toBe("2026-12-05");
    // After midnight UTC only the unit files run again: the integration run's own instant is the same trap.
    expect(clockInstants(now).map((instant) => instant.integration)).toEqual([false, true, true]);
  });

  it("finds the offset changes of any year, half an hour after each instant", () => {
    for (const year of [2027, 2030, 2040]) {
      const changes = nextOffsetChanges(Date.parse(`${year}-01-01T00:00:00Z`), 2).map((instant) => new Date(instant).toISOString());
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatch(new RegExp(`^${year}-03-`));
      expect(changes[1]).toMatch(new RegExp(`^${year}-11-`));
    }
  });

  it("starts PGlite's integration run on the coming New Year's Eve at 23:30 in Chicago, already next year in UTC", () => {
    expect(integrationInstant(now)).toBe("2027-01-01T05:30:00.000Z");
    expect(chicagoClock(integrationInstant(now))).toBe("2026-12-31, 23:30");
    expect(chicagoClock(integrationInstant(Date.parse("2027-12-31T20:00:00Z")))).toBe("2027-12-31, 23:30");
  });
});
