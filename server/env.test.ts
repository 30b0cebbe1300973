import { describe, expect, it } from "vitest";
import { ConfigError } from "@/db/config";
import { appBaseUrl, checkServerEnv, serverProcessesFromEnv, smallCellThreshold } from "./env";

/** An environment with only these variables (Next.js types NODE_ENV as always present). */
const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;

const SECRET = "s".repeat(32);

function problemWith(variables: NodeJS.ProcessEnv): string {
  try {
    checkServerEnv(variables);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected checkServerEnv to refuse the environment");
}

describe("checkServerEnv", () => {
  it("accepts a complete environment and returns the settings", () => {
    expect(
      checkServerEnv(
        env({
          NEXTAUTH_SECRET: SECRET,
          NEXTAUTH_URL: "https://roadmap.example.org",
          SMTP_URL: "smtp://user:pw@mail.example.org:587",
          MAIL_FROM: "Roadmap <no-reply@example.org>",
          UNRELATED: "kept out",
        }),
      ),
    ).toEqual({
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "https://roadmap.example.org",
      SMTP_URL: "smtp://user:pw@mail.example.org:587",
      MAIL_FROM: "Roadmap <no-reply@example.org>",
    });
  });

  it("treats blank optional settings as unset", () => {
    expect(checkServerEnv(env({ NEXTAUTH_SECRET: ` ${SECRET} `, SMTP_URL: " ", NEXTAUTH_URL: "" }))).toEqual({ NEXTAUTH_SECRET: SECRET });
  });

  it.each([
    [{}, /^NEXTAUTH_SECRET must be at least 32 characters/],
    [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET must be at least 32 characters/],
    [{ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "roadmap.example.org" }, /^NEXTAUTH_URL must be the public URL of the app/],
    [{ NEXTAUTH_SECRET: SECRET, SMTP_URL: "mail.example.org:587" }, /^SMTP_URL must look like smtp:\/\//],
    [{ NEXTAUTH_SECRET: SECRET, MAIL_FROM: "x" }, /^MAIL_FROM must be an address/],
    [{ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "mysql://db/x" }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ NEXTAUTH_SECRET: SECRET, SMALL_CELL_THRESHOLD: "ten" }, /^SMALL_CELL_THRESHOLD must be a whole number/],
    [{ NEXTAUTH_SECRET: SECRET, SMALL_CELL_THRESHOLD: "0" }, /^SMALL_CELL_THRESHOLD must be a whole number/],
  ] as Array<[Record<string, string>, RegExp]>)("explains the first problem of %o in one line", (variables, expected) => {
    const message = problemWith(env(variables));
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });
});

describe("smallCellThreshold", () => {
  it("is 10 unless the deployment sets another whole number", () => {
    expect(smallCellThreshold(env({}))).toBe(10);
    expect(smallCellThreshold(env({ SMALL_CELL_THRESHOLD: " 5 " }))).toBe(5);
    expect(checkServerEnv(env({ NEXTAUTH_SECRET: SECRET, SMALL_CELL_THRESHOLD: "20" })).SMALL_CELL_THRESHOLD).toBe("20");
  });
});

describe("appBaseUrl", () => {
  it("uses NEXTAUTH_URL without trailing slashes, else localhost and PORT", () => {
    expect(appBaseUrl(env({ NEXTAUTH_URL: "https://roadmap.example.org//" }))).toBe("https://roadmap.example.org");
    expect(appBaseUrl(env({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(appBaseUrl(env({}))).toBe("http://localhost:3000");
  });
});

describe("https in production", () => {
  const production = (variables: Record<string, string>) => env({ NEXTAUTH_SECRET: SECRET, NODE_ENV: "production", ...variables });

  it("refuses a plain-http public address in production, naming the setting that allows it", () => {
    expect(problemWith(production({ NEXTAUTH_URL: "http://roadmap.example.org" }))).toMatch(/must be an https:\/\/ address.*TRUSTED_TLS_PROXY=1/);
  });

  it("accepts https, a TLS-terminating proxy declared with TRUSTED_TLS_PROXY=1, and this machine's own http://localhost", () => {
    expect(() => checkServerEnv(production({ NEXTAUTH_URL: "https://roadmap.example.org" }))).not.toThrow();
    expect(() => checkServerEnv(production({ NEXTAUTH_URL: "http://roadmap.internal:3000", TRUSTED_TLS_PROXY: "1" }))).not.toThrow();
    expect(() => checkServerEnv(production({ NEXTAUTH_URL: "http://localhost:3000" }))).not.toThrow();
  });

  it("refuses to start in production without NEXTAUTH_URL, saying links are built from it and not from the Host header", () => {
    for (const variables of [{}, { NEXTAUTH_URL: " " }, { TRUSTED_TLS_PROXY: "1" }] as Array<Record<string, string>>) {
      const message = problemWith(production(variables));
      expect(message).toMatch(/^NEXTAUTH_URL must be set in production/);
      expect(message).toMatch(/never from a request's Host header/);
      expect(message).not.toContain("\n");
    }
  });

  it("does not apply outside production", () => {
    expect(() => checkServerEnv(env({ NEXTAUTH_SECRET: SECRET }))).not.toThrow();
    expect(() => checkServerEnv(env({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "http://roadmap.example.org" }))).not.toThrow();
  });

  it("explains bad session and proxy settings in one sentence", () => {
    expect(problemWith(env({ NEXTAUTH_SECRET: SECRET, SESSION_MAX_HOURS: "0" }))).toMatch(/SESSION_MAX_HOURS/);
    expect(problemWith(env({ NEXTAUTH_SECRET: SECRET, SESSION_IDLE_MINUTES: "abc" }))).toMatch(/SESSION_IDLE_MINUTES/);
    expect(problemWith(env({ NEXTAUTH_SECRET: SECRET, TRUSTED_PROXIES: "proxy.internal" }))).toMatch(/TRUSTED_PROXIES has "proxy.internal"/);
  });
});

describe("server processes", () => {
  const POSTGRES = "postgres://postgres@127.0.0.1:5432/roadmap";

  it("is one unless set, and several only on PostgreSQL", () => {
    expect(serverProcessesFromEnv(env({}))).toBe(1);
    expect(serverProcessesFromEnv(env({ SERVER_PROCESSES: " " }))).toBe(1);
    expect(serverProcessesFromEnv(env({ SERVER_PROCESSES: "1" }))).toBe(1);
    expect(serverProcessesFromEnv(env({ SERVER_PROCESSES: "2", DATABASE_URL: POSTGRES }))).toBe(2);
  });

  it("refuses a second process on the embedded database, and numbers out of range", () => {
    expect(problemWith(env({ NEXTAUTH_SECRET: SECRET, SERVER_PROCESSES: "2" }))).toMatch(/needs PostgreSQL \(DATABASE_URL\)/);
    for (const value of ["0", "65", "two", "1.5", "-1"]) {
      expect(problemWith(env({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: POSTGRES, SERVER_PROCESSES: value }))).toMatch(/SERVER_PROCESSES must be a whole number/);
    }
  });
});
