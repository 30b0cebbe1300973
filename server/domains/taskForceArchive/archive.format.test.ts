import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { DomainError } from "@/server/errors";
import { ARCHIVE_FORMAT, readArchive, writeArchive } from "./archive.format";

const taskForce = { id: "3f1c2a4e-8a0b-4c3d-9e8f-0a1b2c3d4e5f", slug: "riverbend", name: "Riverbend (test)" };

function sample() {
  return writeArchive({
    exportedAt: new Date("2026-12-05T10:00:00Z"),
    source: { application: "task-force-roadmap", url: "https://roadmap.example.org" },
    taskForce,
    tables: [
      { name: "task_forces", rows: [{ id: taskForce.id, slug: "riverbend", name: "Riverbend (test)" }] },
      { name: "gaps", rows: [{ id: "a", title: "Referral protocol", task_force_id: taskForce.id }, { id: "b", title: "Data sharing", task_force_id: taskForce.id }] },
      { name: "minute_comments", rows: [] },
    ],
  });
}

async function refusal(bytes: Uint8Array): Promise<DomainError> {
  try {
    await readArchive(bytes);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("the archive was accepted");
}

describe("the archive file", () => {
  it("reads back what was written, table by table", async () => {
    const archive = await readArchive(await sample());
    expect(archive.manifest).toMatchObject({ format: ARCHIVE_FORMAT, version: 1, exportedAt: "2026-12-05T10:00:00.000Z", taskForce });
    expect(archive.manifest.tables.map((entry) => [entry.name, entry.file, entry.rows])).toEqual([
      ["task_forces", "tables/task_forces.json", 1],
      ["gaps", "tables/gaps.json", 2],
      ["minute_comments", "tables/minute_comments.json", 0],
    ]);
    expect(archive.tables.get("gaps")?.map((row) => row.title)).toEqual(["Referral protocol", "Data sharing"]);
  });

  it("is the same bytes for the same data, so two exports can be compared", async () => {
    // Written a minute apart: nothing of the moment of writing may end up in the file (zip entries,
    // folders included, carry a date).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2027-03-14T07:30:00Z"));
      const first = Buffer.from(await sample());
      vi.setSystemTime(new Date("2027-03-14T07:31:01Z"));
      expect(first.equals(Buffer.from(await sample()))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps one row per line, readable by a person", async () => {
    const zip = await JSZip.loadAsync(await sample());
    expect(await zip.file("tables/gaps.json")?.async("string")).toBe(
      `[\n{"id":"a","title":"Referral protocol","task_force_id":"${taskForce.id}"},\n{"id":"b","title":"Data sharing","task_force_id":"${taskForce.id}"}\n]\n`,
    );
  });

  it("refuses a file whose table lost a row even though its bytes were re-zipped cleanly", async () => {
    const zip = await JSZip.loadAsync(await sample());
    zip.file("tables/gaps.json", `[\n{"id":"a","title":"Referral protocol","task_force_id":"${taskForce.id}"}\n]\n`);
    const error = await refusal(await zip.generateAsync({ type: "uint8array" }));
    expect([error.messageKey, error.values]).toEqual(["archiveTampered", { file: "tables/gaps.json" }]);
  });

  it("refuses an archive whose manifest lists a file it does not hold", async () => {
    const zip = await JSZip.loadAsync(await sample());
    zip.remove("tables/minute_comments.json");
    const error = await refusal(await zip.generateAsync({ type: "uint8array" }));
    expect([error.messageKey, error.values]).toEqual(["archiveIncomplete", { file: "tables/minute_comments.json" }]);
  });

  it("refuses a manifest of another format, or none", async () => {
    const other = new JSZip();
    other.file("manifest.json", JSON.stringify({ format: "task-force-roadmap/framework", version: 1 }));
    expect((await refusal(await other.generateAsync({ type: "uint8array" }))).messageKey).toBe("archiveWrongFormat");
    const none = new JSZip();
    none.file("tables/gaps.json", "[]");
    expect((await refusal(await none.generateAsync({ type: "uint8array" }))).messageKey).toBe("archiveWrongFormat");
  });

  it("refuses bytes that are not a ZIP file", async () => {
    expect((await refusal(new TextEncoder().encode("{}"))).messageKey).toBe("archiveUnreadable");
  });
});
