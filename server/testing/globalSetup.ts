import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresTemplate, dropPostgresDatabase, writePgliteTemplate } from "./testDatabase";

/**
 * Runs once per integration project, before any test file: migrates one template database and
 * tells the workers where it is. Each test file then copies it (see setupIntegration.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name.startsWith("integration-postgres")) {
    const adminUrl = process.env.TEST_DATABASE_URL?.trim();
    if (!adminUrl) throw new Error("The integration-postgres project needs TEST_DATABASE_URL, such as postgres://postgres@127.0.0.1:5432/test.");
    const templateName = await createPostgresTemplate(adminUrl);
    project.provide("testDatabase", { kind: "postgres", adminUrl, templateName });
    return () => dropPostgresDatabase(adminUrl, templateName);
  }
  const templateFile = path.join(tmpdir(), `tfr-pglite-template-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  await writePgliteTemplate(templateFile);
  project.provide("testDatabase", { kind: "pglite", templateFile });
  return () => rm(templateFile, { force: true });
}
