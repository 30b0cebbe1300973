import { describe, expect, it } from "vitest";
import { expiryState, renewalStage } from "./mous.rules";

describe("MOU renewal stages", () => {
  const today = "2026-11-28";
  it.each([
    ["2027-03-01", null],
    ["2027-02-26", 90],
    ["2027-01-27", 60],
    ["2026-12-28", 30],
    ["2026-11-28", 30],
    ["2026-11-27", "expired"],
  ] as const)("an MOU expiring %s is at stage %s", (expiresOn, stage) => {
    expect(renewalStage(expiresOn, today)).toBe(stage);
  });

  it("has no stage without an expiry date", () => {
    expect(renewalStage(null, today)).toBeNull();
  });

  it("reads a signed MOU past its expiry as expired, a draft never as expiring", () => {
    expect(expiryState("signed", "2026-11-01", today)).toBe("expired");
    expect(expiryState("signed", "2027-01-01", today)).toBe("expiringSoon");
    expect(expiryState("signed", "2028-01-01", today)).toBe("current");
    expect(expiryState("draft", "2026-12-01", today)).toBe("none");
    expect(expiryState("expired", null, today)).toBe("expired");
  });
});
