import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Which domains use which (server/domains/<domain>/, production files only), and the groups of
 * domains that depend on each other in a circle. A circle means neither side can be read, changed
 * or tested without the other; new code must not make one, and the ones below are debt to pay off.
 * When a change breaks one up, take it off the list (the test says so); when a change makes a new
 * one, the test names the imports that close it.
 */

/** Circles that exist today, each as its domains in alphabetical order. Shrink this list; never grow it. */
const KNOWN_CIRCLES = [
  // Accepting an invitation makes a membership; a coordinator who loses the role has their pending
  // invitations revoked in the same transaction.
  ["invitations", "people"],
];

const DOMAINS = path.join(process.cwd(), "server", "domains");
const IMPORT = /from "@\/server\/domains\/(\w+)(?:\/([\w.]+))?"/g;

type Graph = Map<string, Map<string, Set<string>>>;

/** domain → used domain → the imports (file → module) that make the edge. */
function domainGraph(): Graph {
  const graph: Graph = new Map();
  for (const domain of readdirSync(DOMAINS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    const uses = new Map<string, Set<string>>();
    graph.set(domain, uses);
    for (const file of readdirSync(path.join(DOMAINS, domain)).filter((name) => name.endsWith(".ts") && !name.includes(".test.") && !name.endsWith(".fixtures.ts"))) {
      for (const [, used, module] of readFileSync(path.join(DOMAINS, domain, file), "utf8").matchAll(IMPORT)) {
        if (!used || used === domain) continue;
        const imports = uses.get(used) ?? new Set<string>();
        imports.add(`${file} → ${used}/${module ?? "index"}`);
        uses.set(used, imports);
      }
    }
  }
  return graph;
}

/** Groups of two or more domains that reach each other (Tarjan's strongly connected components). */
function circles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (domain: string) => {
    index.set(domain, counter);
    low.set(domain, counter);
    counter += 1;
    stack.push(domain);
    onStack.add(domain);
    for (const used of graph.get(domain)?.keys() ?? []) {
      if (!index.has(used)) {
        visit(used);
        low.set(domain, Math.min(low.get(domain)!, low.get(used)!));
      } else if (onStack.has(used)) {
        low.set(domain, Math.min(low.get(domain)!, index.get(used)!));
      }
    }
    if (low.get(domain) === index.get(domain)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== domain);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const domain of [...graph.keys()].sort()) if (!index.has(domain)) visit(domain);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

/** The imports inside one circle, for the failure message. */
function importsWithin(graph: Graph, group: string[]): string[] {
  return group.flatMap((domain) => group.flatMap((used) => [...(graph.get(domain)?.get(used) ?? [])].map((line) => `${domain}: ${line}`)));
}

describe("dependencies between domains", () => {
  const graph = domainGraph();

  it("finds the domains and their imports", () => {
    expect(graph.size).toBeGreaterThan(20);
    expect(graph.get("dashboard")?.size).toBeGreaterThan(0);
  });

  it("form no circle beyond the known ones, and the known ones are still listed only while they exist", () => {
    const actual = circles(graph);
    const known = KNOWN_CIRCLES.map((group) => [...group].sort());
    const isKnown = (group: string[]) => known.some((other) => other.join() === group.join());
    const fresh = actual.filter((group) => !isKnown(group));
    expect(fresh.map((group) => `${group.join(" ↔ ")}:\n  ${importsWithin(graph, group).join("\n  ")}`), "new circles between domains").toEqual([]);
    const gone = known.filter((group) => !actual.some((other) => other.join() === group.join()));
    expect(gone, "circles broken up (take them off KNOWN_CIRCLES)").toEqual([]);
  });

  it("would notice a circle", () => {
    const toy: Graph = new Map([
      ["a", new Map([["b", new Set(["x"])]])],
      ["b", new Map([["c", new Set(["y"])]])],
      ["c", new Map([["a", new Set(["z"])]])],
      ["d", new Map([["a", new Set(["w"])]])],
    ]);
    expect(circles(toy)).toEqual([["a", "b", "c"]]);
  });
});
