import { describe, expect, it } from "vitest";
import { clientAddressFrom, sessionCookies, usesSecureCookies } from "./options";

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

describe("session cookies", () => {
  it("are Secure with the __Host- prefix under https or behind a declared TLS proxy, plain on http://localhost", () => {
    expect(usesSecureCookies({ NEXTAUTH_URL: "https://roadmap.example.org" } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(usesSecureCookies({ NEXTAUTH_URL: "http://roadmap.internal", TRUSTED_TLS_PROXY: "1" } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(usesSecureCookies({ NEXTAUTH_URL: "http://localhost:3000" } as unknown as NodeJS.ProcessEnv)).toBe(false);
    const cookies = sessionCookies(true);
    expect(cookies?.sessionToken).toMatchObject({ name: "__Host-next-auth.session-token", options: { secure: true, path: "/", httpOnly: true } });
    expect(cookies?.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
    expect(sessionCookies(false)).toBeUndefined();
  });
});
