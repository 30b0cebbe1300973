import { readdirSync, readFileSync } from "node:fs";

/*
 * Where the machine's CPU went during the HTTP bench's load, from Linux's /proc: the app server,
 * PostgreSQL, the load generator (this process), and everything else. On a two-core machine this
 * tells whether the server was held up by its own work or by something else running beside it.
 */

/** USER_HZ, the unit of /proc's CPU times: 100 on every mainstream Linux architecture. */
const TICKS_PER_SECOND = 100;

interface ProcessCpu {
  pid: number;
  processGroup: number;
  command: string;
  seconds: number;
}

export interface CpuSnapshot {
  at: number;
  /** CPU seconds the whole machine spent busy (not idle, not waiting for I/O) since boot. */
  machineBusy: number;
  processes: Map<number, ProcessCpu>;
}

function readProcess(pid: number): ProcessCpu | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command is in parentheses and may itself contain spaces and parentheses.
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, processGroup: Number(fields[2]), command: text.slice(text.indexOf("(") + 1, close), seconds: ticks / TICKS_PER_SECOND };
  } catch {
    // It ended between listing and reading.
    return null;
  }
}

/** The CPU times of the machine and of every process now; null where there is no /proc. */
export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const [user, nice, system, , , irq, softirq, steal] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
    const machineBusy = ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
    const processes = new Map<number, ProcessCpu>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const running = readProcess(Number(entry));
      if (running) processes.set(running.pid, running);
    }
    return { at: Date.now(), machineBusy, processes };
  } catch {
    return null;
  }
}

export interface CpuShare {
  what: string;
  /** Cores kept busy on average: 1.0 is one core all the time. */
  cores: number;
}

/**
 * Cores used between two snapshots by each group of processes, and by everything else. A process
 * that started or ended in between counts with the part that both snapshots saw.
 */
export function cpuShares(before: CpuSnapshot, after: CpuSnapshot, groups: { what: string; includes: (running: ProcessCpu) => boolean }[]): CpuShare[] {
  const elapsed = (after.at - before.at) / 1000;
  const used = (running: ProcessCpu) => running.seconds - (before.processes.get(running.pid)?.seconds ?? running.seconds);
  const shares = groups.map(({ what, includes }) => ({
    what,
    cores: [...after.processes.values()].filter(includes).reduce((sum, process) => sum + used(process), 0) / elapsed,
  }));
  const machine = (after.machineBusy - before.machineBusy) / elapsed;
  return [...shares, { what: "everything else", cores: Math.max(0, machine - shares.reduce((sum, share) => sum + share.cores, 0)) }];
}
