import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress, TrustedProxiesError } from "./clientAddress";

const none = parseTrustedProxies(undefined);

describe("resolveClientAddress", () => {
  it("uses the socket address and ignores a forged X-Forwarded-For when no proxy is trusted (the default)", () => {
    expect(resolveClientAddress("198.51.100.4", "203.0.113.9", none)).toBe("198.51.100.4");
    expect(resolveClientAddress("198.51.100.4", ["203.0.113.9", "192.0.2.1"], none)).toBe("198.51.100.4");
  });

  it("reads an IPv4 address seen by an IPv6 socket as IPv4", () => {
    expect(resolveClientAddress("::ffff:198.51.100.4", undefined, none)).toBe("198.51.100.4");
  });

  it("believes the entry a trusted proxy appended, and no further than the first untrusted hop", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    // client forged "1.2.3.4", real client 203.0.113.9, then our internal proxy 10.1.2.3, then the local proxy.
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3", trusted)).toBe("203.0.113.9");
  });

  it("stops at a trusted proxy that passes on something that is not an address", () => {
    expect(resolveClientAddress("127.0.0.1", "not-an-address", parseTrustedProxies("127.0.0.1"))).toBe("127.0.0.1");
  });

  it("does not believe X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.9", parseTrustedProxies("127.0.0.1"))).toBe("198.51.100.7");
  });

  it("handles IPv6 ranges", () => {
    expect(resolveClientAddress("fd00::5", "2001:db8::9", parseTrustedProxies("fd00::/8"))).toBe("2001:db8::9");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what is neither an address nor a range, naming it", () => {
    expect(() => parseTrustedProxies("127.0.0.1, proxy.internal")).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
  });
});
