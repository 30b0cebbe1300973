import { downloadResponse } from "@/app/_trpc/fileDownload";

/*
 * The funder portfolio as a file (?format=xlsx, every table, or ?format=csv, the portfolio table),
 * made by the funder.export procedure: funders only, of the task forces they fund only.
 */
export async function GET(request: Request) {
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  return downloadResponse(request, (caller) => caller.funder.export({ format }));
}
