import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeOfRequest, resolveLocale } from "./locales";

describe("the browser's languages", () => {
  it("match a supported locale by language, in the browser's order of preference", () => {
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es-US");
    expect(localeFromAcceptLanguage("es")).toBe("es-US");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,es;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("en-GB")).toBe("en");
  });

  it("rank by quality, not by position, and pass over languages the app does not have", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, es;q=0.9")).toBe("es-US");
    expect(localeFromAcceptLanguage("fr-CA, vi;q=0.9, es;q=0.4")).toBe("es-US");
    expect(localeFromAcceptLanguage("pt-BR, fr")).toBeUndefined();
  });

  it("ignore what was refused (q=0), the wildcard and malformed parts", () => {
    expect(localeFromAcceptLanguage("es;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
    expect(localeFromAcceptLanguage(";;, ,q=1, es;q=abc")).toBeUndefined();
    expect(localeFromAcceptLanguage("")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});

describe("the language of a request", () => {
  it("is the person's choice first, then the device's, then the browser's, then English", () => {
    expect(resolveLocale({ chosen: "es-US", cookie: "en", acceptLanguage: "en" })).toBe("es-US");
    expect(resolveLocale({ chosen: null, cookie: "es-US", acceptLanguage: "en" })).toBe("es-US");
    expect(resolveLocale({ chosen: null, cookie: null, acceptLanguage: "es-CO" })).toBe("es-US");
    expect(resolveLocale({})).toBe("en");
  });

  it("passes over a stored or planted value the app does not offer", () => {
    expect(resolveLocale({ chosen: "fr", cookie: "xx-<script>", acceptLanguage: "es" })).toBe("es-US");
    expect(resolveLocale({ chosen: "fr", cookie: "de" })).toBe("en");
  });

  it("reads the cookie and Accept-Language from the request's headers", () => {
    const headers = new Headers({ cookie: "next-auth.session-token=abc; locale=es-US; other=1", "accept-language": "en" });
    expect(localeOfRequest(headers, null)).toBe("es-US");
    expect(localeOfRequest(headers, "en")).toBe("en");
    expect(localeOfRequest(new Headers({ cookie: "xlocale=es-US", "accept-language": "en" }), undefined)).toBe("en");
    expect(localeOfRequest(new Headers({ "accept-language": "es" }), undefined)).toBe("es-US");
  });
});
