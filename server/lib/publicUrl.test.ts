import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "./publicUrl";

/** An environment with only these variables (Next.js types NODE_ENV as always present). */
const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;
const request = (headers: Record<string, string>) => new Headers(headers);

describe("publicBaseUrl", () => {
  it("in production is NEXTAUTH_URL whatever Host or forwarded headers a request carries", () => {
    const production = env({ NODE_ENV: "production", NEXTAUTH_URL: "https://roadmap.example.org/" });
    expect(publicBaseUrl(request({ host: "attacker.example" }), production)).toBe("https://roadmap.example.org");
    expect(publicBaseUrl(request({ host: "roadmap.example.org", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "http" }), production)).toBe(
      "https://roadmap.example.org",
    );
    expect(publicBaseUrl(null, production)).toBe("https://roadmap.example.org");
  });

  it("in development is the address the request reached, over http", () => {
    const development = env({ NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000" });
    expect(publicBaseUrl(request({ host: "192.168.1.20:3000" }), development)).toBe("http://192.168.1.20:3000");
    expect(publicBaseUrl(request({ host: "Roadmap.Lan:8080" }), development)).toBe("http://roadmap.lan:8080");
    expect(publicBaseUrl(request({ host: "[fd00::5]:3000" }), development)).toBe("http://[fd00::5]:3000");
  });

  it("in development keeps NEXTAUTH_URL when the request asked for its host, for its scheme and path", () => {
    const development = env({ NODE_ENV: "development", NEXTAUTH_URL: "https://dev.example.org/roadmap" });
    expect(publicBaseUrl(request({ host: "dev.example.org" }), development)).toBe("https://dev.example.org/roadmap");
  });

  it("in development ignores forwarded headers, which `next dev` passes on from clients unchecked", () => {
    const development = env({ NODE_ENV: "development", TRUSTED_PROXIES: "127.0.0.1", NEXTAUTH_URL: "http://localhost:3000" });
    const forwarded = request({ host: "localhost:3000", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.1" });
    expect(publicBaseUrl(forwarded, development)).toBe("http://localhost:3000");
  });

  it("falls back to NEXTAUTH_URL, then localhost and PORT, without a usable Host", () => {
    expect(publicBaseUrl(null, env({ NEXTAUTH_URL: "http://localhost:4000" }))).toBe("http://localhost:4000");
    expect(publicBaseUrl(request({}), env({ PORT: "4100" }))).toBe("http://localhost:4100");
    for (const host of ["attacker.example/reset?x=", "user@attacker.example", "a b", "attacker.example:port", ""]) {
      expect(publicBaseUrl(request({ host }), env({ NEXTAUTH_URL: "http://localhost:3000" }))).toBe("http://localhost:3000");
    }
  });
});
