import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, databaseConfigFromEnv, postgresConnectionOf } from "./config";

/** An environment with only these variables (Next.js types NODE_ENV as always present). */
const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;

describe("databaseConfigFromEnv", () => {
  it("uses the embedded database in .data/pglite when DATABASE_URL is unset or blank", () => {
    expect(databaseConfigFromEnv(env({}))).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
    expect(databaseConfigFromEnv(env({ DATABASE_URL: "   " }))).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
  });

  it("uses PGLITE_DIR for the embedded database's folder", () => {
    expect(databaseConfigFromEnv(env({ PGLITE_DIR: " /var/lib/roadmap " }))).toEqual({ kind: "pglite", dataDir: "/var/lib/roadmap" });
  });

  it("uses PostgreSQL for a postgres:// or postgresql:// URL", () => {
    expect(databaseConfigFromEnv(env({ DATABASE_URL: " postgres://app:pw@db:5432/roadmap " }))).toEqual({
      kind: "postgres",
      url: "postgres://app:pw@db:5432/roadmap",
    });
    expect(databaseConfigFromEnv(env({ DATABASE_URL: "postgresql://db/roadmap" }))).toEqual({ kind: "postgres", url: "postgresql://db/roadmap" });
  });

  it("explains a wrong URL in one sentence", () => {
    for (const url of ["mysql://db/roadmap", "localhost:5432", "postgres://"]) {
      let thrown: unknown;
      try {
        databaseConfigFromEnv(env({ DATABASE_URL: url }));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, url).toBeInstanceOf(ConfigError);
      const message = (thrown as ConfigError).message;
      expect(message).toMatch(/^DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/.+\.$/);
      expect(message).not.toContain("\n");
    }
  });
});

describe("postgresConnectionOf", () => {
  it("gives the driver a host from the query, as libpq takes it (a socket folder above all), and the URL without it", () => {
    expect(postgresConnectionOf("postgres://app:p%40ss@localhost:5433/roadmap?host=/var/run/postgresql&application_name=roadmap")).toEqual({
      url: "postgres://app:p%40ss@localhost:5433/roadmap?application_name=roadmap",
      host: "/var/run/postgresql",
    });
    expect(postgresConnectionOf("postgres://app@localhost/roadmap?host=db.internal")).toEqual({ url: "postgres://app@localhost/roadmap", host: "db.internal" });
    expect(postgresConnectionOf("postgres://app@db1:5432,db2:5432/roadmap?host=/run/postgresql")).toEqual({ url: "postgres://app@db1:5432,db2:5432/roadmap", host: "/run/postgresql" });
  });

  it("leaves a URL without a host in its query as it is", () => {
    for (const url of ["postgres://app:pw@db:5432/roadmap", "postgresql://db/roadmap?sslmode=require", "postgres://app@db1:5432,db2:5432/roadmap?target_session_attrs=read-write"]) {
      expect(postgresConnectionOf(url)).toEqual({ url, host: null });
    }
  });
});
