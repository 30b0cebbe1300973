/*
 * The failed tests named in the runners' JSON reports, for the end of `npm test`'s output: the tail
 * of a long CI log is often all anyone gets to see of it.
 */
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
}

/** "file › test: first line of the error" for each failed test, or the file's own error when it did not load. */
export function vitestFailures(report: VitestReport, root: string): string[] {
  return (report.testResults ?? []).flatMap((file) => {
    const where = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    // A file that failed to load has no failed test, only a message of its own.
    if (failed.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`];
    return failed.map((test) => `${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0] ?? "")}`);
  });
}

const firstLine = (message: string) => stripVTControlCharacters(message).trim().split("\n")[0]!.slice(0, 300);

export interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
}
export interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  suites?: PlaywrightSuite[];
}

/** "e2e/file:line › test: first line of the error" for each test that failed (flaky ones passed). */
export function playwrightFailures(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "unexpected")
        .map((test) => `e2e/${spec.file}:${spec.line} › ${spec.title}: ${firstLine(test.results.at(-1)?.error?.message ?? "")}`),
    ),
    ...playwrightFailures(suite.suites ?? []),
  ]);
}

