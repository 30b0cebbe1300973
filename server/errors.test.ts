import { describe, expect, it } from "vitest";
import { DomainError, isDatabaseUnavailable } from "./errors";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "57P03", "57P01", "08006", "53300"])(
    "recognises %s",
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    },
  );

  it("looks through Drizzle's wrapper to the driver's error", () => {
    // The shape of DrizzleQueryError: "Failed query: …" with the driver's error as cause.
    const wrapped = new Error("Failed query: select 1", { cause: withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432") });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it("looks into an AggregateError from a dual-stack connect", () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("does not take a failed query for an outage", () => {
    expect(isDatabaseUnavailable(withCode("23505", "duplicate key value"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode("42P01") }))).toBe(false);
    expect(isDatabaseUnavailable(new DomainError("NOT_FOUND", "notFound"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const looping = new Error("a") as Error & { cause?: unknown };
    looping.cause = looping;
    expect(isDatabaseUnavailable(looping)).toBe(false);
  });
});
