import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./options";

describe("clientAddressFrom", () => {
  it("takes the right-most X-Forwarded-For entry, the one our own proxy added", () => {
    // The left entries come from the client and could be forged to dodge the per-address limit.
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddressFrom({ "x-forwarded-for": "1.1.1.1,198.51.100.4" })).toBe("198.51.100.4");
  });

  it("reads a single address and trims it", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "  198.51.100.4 " }))).toBe("198.51.100.4");
  });

  it("joins a header given as several values before choosing", () => {
    expect(clientAddressFrom({ "x-forwarded-for": ["203.0.113.9", "198.51.100.4, 2001:db8::1"] })).toBe("2001:db8::1");
  });

  it("ignores empty entries", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "198.51.100.4, , " })).toBe("198.51.100.4");
  });

  it("returns null when there is no address", () => {
    expect(clientAddressFrom(undefined)).toBeNull();
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom(new Headers())).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": " , " })).toBeNull();
  });
});
