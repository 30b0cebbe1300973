import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createTaskForceWithCoordinator, createUser, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { readPdf, textOf } from "@/server/testing/pdfText";
import { handleReportExport } from "./reports.http";

/*
 * The download route of a progress report (app/(app)/tf/[slug]/grants/reports/[reportId]/export),
 * requested as a browser would through its handler: who gets each file, and what it comes as. A
 * file is refused exactly when the report's page is — to the signed-out, to those outside the task
 * force or without report.generate, and a funder asking for the task force's own report.
 */

const FORMATS = ["pdf", "xlsx", "csv&section=requirements"] as const;

describe("downloading a progress report", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let coordinatorsReport: string;
  let fundersReport: string;
  let period: { start: string; end: string };

  const download = (user: TestUser | null, reportId: string, format: string, slug = taskForce.slug) =>
    handleReportExport(new Request(`http://localhost/tf/${slug}/grants/reports/${reportId}/export?format=${format}`), user, slug, reportId);

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Río Grande Task Force" }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    const award = { periodStart: dateFromToday(-400), periodEnd: dateFromToday(700) };
    const { id: grantId } = await callerFor(coordinator).grant.create({ taskForceSlug: taskForce.slug, funderName: "Test Funder", program: "ECM", awardNumber: "H-1", amount: 100_000, matchTarget: null, ...award });
    period = reportingPeriods({ ...award, reportingCadence: "semiannual" })[0]!;
    const generate = async (user: TestUser) => (await callerFor(user).report.generate({ taskForceSlug: taskForce.slug, grantId, periodEnd: period.end })).id;
    coordinatorsReport = await generate(coordinator);
    fundersReport = await generate(funder);
  });

  it("gives the coordinator the PDF as an attachment that is never cached, named like the other files", async () => {
    const response = await download(coordinator, coordinatorsReport, "pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const generatedOn = (await callerFor(coordinator).report.get({ taskForceSlug: taskForce.slug, reportId: coordinatorsReport })).generatedAt.toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${taskForce.slug}_progress-report_${period.start}_to_${period.end}_generated-${generatedOn}.pdf"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // Spanish letters are Helvetica's: the task force's name reads as it is written.
    const { pages } = await readPdf(bytes);
    expect(textOf(pages[0]!.pieces)).toContain("Progress report: Río Grande Task Force");
  });

  it("gives a funder the PDF, XLSX and CSV of their own report, and tells them the task force's report does not exist", async () => {
    for (const format of FORMATS) {
      expect({ format, status: (await download(funder, fundersReport, format)).status }).toEqual({ format, status: 200 });
      expect({ format, status: (await download(funder, coordinatorsReport, format)).status }).toEqual({ format, status: 404 });
    }
  });

  it("refuses every file to the signed-out, to members and viewers, and to people of another task force", async () => {
    const { user: member } = await createMember(taskForce, "member");
    const { user: viewer } = await createMember(taskForce, "viewer");
    const { taskForce: other, coordinator: otherCoordinator } = await createTaskForceWithCoordinator();
    for (const format of FORMATS) {
      expect({ format, status: (await download(null, coordinatorsReport, format)).status }).toEqual({ format, status: 401 });
      for (const user of [member, viewer, otherCoordinator, await createUser()]) {
        expect({ format, role: user.name, status: (await download(user, coordinatorsReport, format)).status }).toEqual({ format, role: user.name, status: 404 });
      }
      // Named under another task force's address, the report is not found either (tenancy by the address's task force).
      expect({ format, status: (await download(otherCoordinator, coordinatorsReport, format, other.slug)).status }).toEqual({ format, status: 404 });
    }
  });

  it("answers 404 for a report id that is not one and for a section the report does not have", async () => {
    expect((await download(coordinator, "not-a-uuid", "pdf")).status).toBe(404);
    expect((await download(coordinator, crypto.randomUUID(), "pdf")).status).toBe(404);
    expect((await download(coordinator, coordinatorsReport, "csv&section=nothing")).status).toBe(404);
  });
});
