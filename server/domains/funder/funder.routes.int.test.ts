import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/(app)/funder/export/route";
import { getSessionUser } from "@/server/auth/session";
import type { SessionUser } from "@/server/trpc/context";
import { addMembership, callerFor, createTaskForceWithCoordinator, createUser, type TestTaskForce, type TestUser } from "@/server/testing/factories";

/*
 * The /funder/export download as a browser gets it: the route handler with a Request, signed in as
 * the person the (mocked) session names — the session cookie is next-auth's business, tested with
 * it; who may have which file is the funder.export procedure's, reached through the route.
 */

vi.mock("@/server/auth/session", () => ({ getSessionUser: vi.fn() }));

let signedIn: SessionUser | null = null;

const download = (query: string) => exportRoute(new Request(`http://localhost:3000/funder/export${query}`));

describe("the funder portfolio download route", () => {
  let first: TestTaskForce;
  let second: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;

  beforeAll(async () => {
    ({ taskForce: first, coordinator } = await createTaskForceWithCoordinator({ name: "Route Alpha Task Force" }));
    ({ taskForce: second } = await createTaskForceWithCoordinator({ name: "Route Beta Task Force" }));
    funder = await createUser({ name: "Robin Route" });
    await addMembership(first, funder, "funder");
    await addMembership(second, funder, "funder");
  });

  beforeEach(() => {
    signedIn = null;
    vi.mocked(getSessionUser).mockImplementation(async () => signedIn);
  });

  it("serves a funder of two task forces their XLSX: every sheet, with both task forces in the portfolio table", async () => {
    signedIn = funder;
    const response = await download("?format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="funder-portfolio_generated-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Portfolio", "Roadmap level by area", "Contributions reporting", "Requirements met over time"]);
    const names: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row, number) => number > 1 && names.push(row.getCell(1).value));
    expect(names).toEqual((await callerFor(funder).funder.portfolio()).map((row) => row.name));
    expect(names).toEqual([first.name, second.name]);
  });

  it("serves the portfolio table as CSV", async () => {
    signedIn = funder;
    const response = await download("?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse((await response.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(rows.map((row) => row[0])).toEqual(["Task force", first.name, second.name]);
  });

  it("refuses a coordinator, who funds nothing, and asks whoever is signed out to sign in", async () => {
    signedIn = coordinator;
    const refused = await download("?format=xlsx");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("FORBIDDEN");
    signedIn = null;
    expect((await download("?format=csv")).status).toBe(401);
  });
});
