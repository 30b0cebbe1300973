import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "./testReports";

describe("failed tests named from the runners' reports", () => {
  it("names each failed vitest test with its file and the first line of its error", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: "/repo/server/a.int.test.ts",
          message: "",
          assertionResults: [
            { fullName: "scope refuses another task force", status: "failed", failureMessages: ["\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.int.test.ts:2:42"] },
            { fullName: "scope lets its own through", status: "passed", failureMessages: [] },
          ],
        },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual(["server/a.int.test.ts › scope refuses another task force: AssertionError: expected 1 to be 2"]);
  });

  it("names a file that failed to load by its own error", () => {
    const report = { testResults: [{ name: "/repo/b.test.ts", message: "Failed to load url ./missing\nmore", assertionResults: [] }] };
    expect(vitestFailures(report, "/repo")).toEqual(["b.test.ts: Failed to load url ./missing"]);
  });

  it("names failed Playwright tests in nested suites, not flaky or passed ones", () => {
    const spec = (title: string, line: number, status: string, message?: string) => ({
      title,
      file: "gaps.spec.ts",
      line,
      tests: [{ status, results: [{ error: message ? { message } : undefined }] }],
    });
    const suites = [
      {
        specs: [spec("lists gaps", 10, "expected")],
        suites: [{ specs: [spec("resolves a gap", 20, "unexpected", "Error: locator not found\ncall log"), spec("board", 30, "flaky", "timeout")] }],
      },
    ];
    expect(playwrightFailures(suites)).toEqual(["e2e/gaps.spec.ts:20 › resolves a gap: Error: locator not found"]);
  });
});
