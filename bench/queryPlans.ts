import { sql, type SQL } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { Database } from "@/db/client";

/*
 * What a procedure asks the database: every statement it issues (recorded through Drizzle's logger,
 * which sees the SQL text and its parameters before they go to the driver) and the plan PostgreSQL
 * chooses for each one on the benchmark data set.
 */

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Records statements only while `record` runs, so the timed runs pay for nothing but a function call. */
export class StatementRecorder implements Logger {
  private recording: Statement[] | null = null;

  logQuery(query: string, params: unknown[]): void {
    this.recording?.push({ sql: query, params });
  }

  /** The statements `work` issued. Run one procedure at a time: statements carry no caller. */
  async record(work: () => Promise<unknown>): Promise<Statement[]> {
    const statements: Statement[] = [];
    this.recording = statements;
    try {
      await work();
    } finally {
      this.recording = null;
    }
    return statements;
  }
}

/** A sequential scan in a plan: the table, and the rows the planner expected it to return. */
export interface SequentialScan {
  table: string;
  tableRows: number;
  plannedRows: number;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
}

/** The statement again with its parameters bound as parameters (never spliced into the text). */
function boundStatement(statement: Statement): SQL {
  const parts = statement.sql.split(/\$(\d+)\b/);
  return sql.join(parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql.param(statement.params[Number(part) - 1]))));
}

/** postgres.js returns rows as an array, PGlite as `{ rows }` (STACK.md pitfall 9). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** What EXPLAIN says of one statement. */
export interface StatementPlan {
  sequentialScans: SequentialScan[];
  /** Planning and execution time of a read, run once more under EXPLAIN ANALYZE; null for a write (never run twice). */
  databaseMs: number | null;
}

const isRead = (statement: Statement) => /^\s*select\b/i.test(statement.sql);

export class PlanInspector {
  private readonly tableRows = new Map<string, number>();

  constructor(
    private readonly db: Database,
    /** A table with more rows than this should be reached through an index, not read whole. */
    readonly largeTableRows: number,
  ) {}

  /** Sequential scans of large tables in the statement's plan (on small tables they are the right choice) and its time in the database. */
  async inspect(statement: Statement): Promise<StatementPlan> {
    // TIMING OFF: per-node clocks would cost more than the small queries they measure.
    const options = isRead(statement) ? sql`(analyze, timing off, format json)` : sql`(format json)`;
    const [row] = rowsOf(await this.db.execute(sql`explain ${options} ${boundStatement(statement)}`));
    const value = row ? Object.values(row)[0] : undefined;
    const [explained] = ((typeof value === "string" ? JSON.parse(value) : value) ?? []) as { Plan: PlanNode; "Planning Time"?: number; "Execution Time"?: number }[];
    if (!explained) throw new Error(`EXPLAIN returned no plan for: ${statement.sql}`);
    const sequentialScans: SequentialScan[] = [];
    for (const node of planNodes(explained.Plan)) {
      const table = node["Relation Name"];
      if (node["Node Type"] !== "Seq Scan" || !table) continue;
      const tableRows = await this.rowCount(table);
      if (tableRows > this.largeTableRows) sequentialScans.push({ table, tableRows, plannedRows: node["Plan Rows"] ?? 0 });
    }
    const databaseMs = explained["Execution Time"] === undefined ? null : explained["Execution Time"] + (explained["Planning Time"] ?? 0);
    return { sequentialScans, databaseMs };
  }

  private async rowCount(table: string): Promise<number> {
    const known = this.tableRows.get(table);
    if (known !== undefined) return known;
    const [row] = rowsOf(await this.db.execute(sql`select count(*)::int as rows from ${sql.identifier(table)}`));
    const rows = Number(row?.rows ?? 0);
    this.tableRows.set(table, rows);
    return rows;
  }
}
