import { describe, expect, it } from "vitest";
import { shouldSeed } from "./shared";

const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;

describe("shouldSeed", () => {
  it("seeds the demo on the embedded database by default (npm run app on a fresh clone)", () => {
    expect(shouldSeed("pglite", env({}))).toBe(true);
  });

  it("never seeds the embedded database with NODE_ENV=production or SEED_DEMO=0", () => {
    expect(shouldSeed("pglite", env({ NODE_ENV: "production" }))).toBe(false);
    expect(shouldSeed("pglite", env({ SEED_DEMO: "0" }))).toBe(false);
    expect(shouldSeed("pglite", env({ NODE_ENV: "production", SEED_DEMO: "0" }))).toBe(false);
  });

  it("seeds PostgreSQL only when SEED_DEMO=1 asks for it", () => {
    expect(shouldSeed("postgres", env({}))).toBe(false);
    expect(shouldSeed("postgres", env({ SEED_DEMO: "1" }))).toBe(true);
  });
});
