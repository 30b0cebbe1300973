import { readFile, writeFile } from "node:fs/promises";
import { serverTranslator } from "@/server/lib/translate";
import { DomainError } from "@/server/errors";
import { exportTaskForceBySlug } from "@/server/domains/taskForceArchive/archive.service";
import { importArchive } from "@/server/domains/taskForceArchive/import.service";

/*
 * The command-line side of moving a task force (`npm run admin -- export-task-force | import-task-force`),
 * for the operator of the server: no signed-in person, so the audit entries have no actor. The
 * work is the same service the web uses; this file only reads and writes files and prints.
 */

const errors = serverTranslator("errors");

/** A refusal in the words the web form would show. */
export function explainDomainError(error: DomainError): string {
  const key = error.messageKey as Parameters<typeof errors>[0];
  return errors.has(key) ? errors(key, error.values) : `${error.code}: ${error.messageKey}`;
}

export async function exportTaskForceToFile(slug: string, out: string | undefined): Promise<string> {
  const archive = await exportTaskForceBySlug(slug);
  const file = out ?? archive.fileName;
  const bytes = Buffer.from(archive.base64, "base64");
  await writeFile(file, bytes, { mode: 0o600 });
  return `Exported ${slug} to ${file} (${bytes.byteLength.toLocaleString("en")} bytes). It holds every record of the task force: keep it safe.`;
}

export async function importTaskForceFromFile(file: string, slug: string | undefined): Promise<string> {
  const { result } = await importArchive(null, { archive: new Uint8Array(await readFile(file)), slug });
  const records = result.tables.reduce((sum, table) => sum + table.rows, 0);
  const lines = [
    `Imported ${result.taskForce.name} as /tf/${result.taskForce.slug} (${records.toLocaleString("en")} records).`,
    `People matched by email: ${result.people.matched.length}. Framework versions: ${result.frameworkVersions.matched.length} already here, ${result.frameworkVersions.added.length} added.`,
  ];
  if (result.people.created.length > 0) {
    lines.push(`Created without a password (they cannot sign in until they set one; send each a password reset link):`);
    for (const person of result.people.created) lines.push(`  ${person.name} <${person.email}>`);
  }
  return lines.join("\n");
}
