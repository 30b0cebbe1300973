import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeClientNamespaces, type RouteFileNeeds } from "./clientNamespaces";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const routeFiles = analyzeClientNamespaces(root);
const byFile = new Map(routeFiles.map((needs) => [needs.file, needs]));

/**
 * What a file's own list may serve: its client components, and for a layout everything below it. A
 * layout is sent once and kept while a person moves between the pages under it, so namespaces that
 * nearly every page reads (errors, validation) are sent there instead of with each page.
 */
function servedBy(needs: RouteFileNeeds): string[] {
  if (path.basename(needs.file) !== "layout.tsx") return needs.reads;
  const folder = `${path.dirname(needs.file)}/`;
  return routeFiles.filter((other) => other.file.startsWith(folder)).flatMap((other) => other.reads);
}

describe("catalog namespaces sent to the browser", () => {
  it("finds the pages and layouts", () => {
    expect(routeFiles.filter((needs) => needs.file.endsWith("page.tsx")).length).toBeGreaterThan(30);
    expect(byFile.get("app/(app)/tf/[slug]/gaps/[gapId]/page.tsx")?.reads).toContain("gaps");
  });

  it.each(routeFiles.map((needs) => [needs.file, needs] as const))("%s sends what its client components read, and only that", (file, needs) => {
    expect(needs.unreadable, "namespaces the check cannot follow").toEqual([]);
    expect(needs.outsideItsSender, `${file} renders these outside the element that sends their namespaces: move them inside it`).toEqual([]);
    const available = new Set([...needs.sends, ...needs.inherited]);
    const missing = needs.reads.filter((namespace) => !available.has(namespace));
    expect(missing, `client components below ${file} read these namespaces: add them to its <ClientMessages namespaces={…}>`).toEqual([]);
    const served = new Set(servedBy(needs));
    const unused = needs.sends.filter((namespace) => !served.has(namespace));
    expect(unused, `${file} sends namespaces no client component below it reads: remove them`).toEqual([]);
    const twice = needs.sends.filter((namespace) => needs.inherited.includes(namespace));
    expect(twice, `${file} sends namespaces a layout above it already sent`).toEqual([]);
  });
});
