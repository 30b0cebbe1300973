import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runJobs, type Job } from "./jobGraph";

/** A promise and the function that settles it, so a test decides when a job may end. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("the steps of npm test as a graph", () => {
  let folder: string;
  let shown: string;
  const events: string[] = [];
  const logFileOf = (name: string) => path.join(folder, `${name}.log`);
  const banner = (title: string) => process.stdout.write(`== ${title}\n`);
  /**
   * A job that writes its name in two halves, noting when it starts and ends; it ends once `until`
   * (if given) has opened, and then runs `then`.
   */
  const job = (name: string, after: string[] = [], { until, then }: { until?: Promise<void>; then?: () => void } = {}): Job<string> => ({
    name,
    after,
    run: async (logFile) => {
      events.push(`start ${name}`);
      writeFileSync(logFile, `${name} begins\n`);
      await until;
      appendFileSync(logFile, `${name} ends\n`);
      events.push(`end ${name}`);
      then?.();
      return `${name} result`;
    },
  });

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "job-graph-"));
    shown = "";
    events.length = 0;
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      shown += chunk.toString();
      return true;
    });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("starts each job as soon as the jobs it needs are done, not when a whole phase is", async () => {
    // The slow job may only end once the job after the quick one has started: a scheduler that
    // waited for both first would never get there.
    const slowMayEnd = gate();
    const results = await runJobs(
      [job("slow", [], { until: slowMayEnd.opened }), job("quick"), job("after-quick", ["quick"], { then: slowMayEnd.open }), job("after-both", ["slow", "quick"])],
      logFileOf,
      banner,
    );
    expect(events.indexOf("start after-quick")).toBeLessThan(events.indexOf("end slow"));
    expect(events.indexOf("start after-both")).toBeGreaterThan(events.indexOf("end slow"));
    expect(Object.fromEntries(results)).toEqual({ slow: "slow result", quick: "quick result", "after-quick": "after-quick result", "after-both": "after-both result" });
  });

  it("shows each job's output whole under its banner, never interleaved with another's", async () => {
    // The first job is followed as it runs and ends last; the others, finished meanwhile, come
    // after it in the order they finished.
    const firstMayEnd = gate();
    await runJobs([job("first", [], { until: firstMayEnd.opened }), job("second"), job("third", ["second"], { then: firstMayEnd.open })], logFileOf, banner);
    expect(events.at(-1)).toBe("end first");
    expect(shown).toBe(["== first", "first begins", "first ends", "== second", "second begins", "second ends", "== third", "third begins", "third ends", ""].join("\n"));
  });

  it("refuses a job waiting for one that does not exist, and jobs waiting for each other", async () => {
    await expect(runJobs([job("a", ["missing"])], logFileOf, () => {})).rejects.toThrow("job a waits for missing, which no job is");
    await expect(runJobs([job("a", ["b"]), job("b", ["a"])], logFileOf, () => {})).rejects.toThrow("jobs wait for each other: a, b");
  });
});
