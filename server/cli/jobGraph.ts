import { closeSync, existsSync, openSync, readSync } from "node:fs";

/*
 * The steps of `npm test` as a graph (server/cli/test-all.ts): each starts as soon as the steps it
 * needs have finished, not when the slowest step of a phase has. On two cores that matters: the
 * PGlite integration run ends half a minute before PostgreSQL's, and the clock runs go on alone on
 * one core for a minute after the build, so a step waiting for a whole phase left a core idle.
 *
 * Every step writes its output to a file of its own. The terminal shows one step at a time, under
 * its banner, following a running step's file as it grows: outputs never interleave, and a long
 * step (the end-to-end suite) is shown as it runs rather than all at once at the end.
 */

export interface Job<Result> {
  name: string;
  /** The banner over its output, when it says more than the name. */
  title?: string;
  /** The jobs that must have finished before this one starts. */
  after?: readonly string[];
  /** Runs the job with its output going to `logFile`; `finished` holds the results of the jobs done so far. */
  run: (logFile: string, finished: ReadonlyMap<string, Result>) => Promise<Result>;
}

/** How often the terminal catches up with the file of the step it follows. */
const FOLLOW_MS = 250;

/**
 * Runs every job once its `after` jobs are done and shows their output one at a time (finished
 * jobs first, in the order they finished, else the running job that started first). Returns each
 * job's result by name.
 */
export async function runJobs<Result>(jobs: readonly Job<Result>[], logFileOf: (name: string) => string, banner: (title: string) => void): Promise<Map<string, Result>> {
  const names = new Set(jobs.map((job) => job.name));
  for (const job of jobs) {
    const unknown = (job.after ?? []).filter((name) => !names.has(name));
    if (unknown.length > 0) throw new Error(`job ${job.name} waits for ${unknown.join(", ")}, which no job is`);
  }
  const finished = new Map<string, Result>();
  const started: string[] = [];
  const finishOrder: string[] = [];
  const shown = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let following: { name: string; fd: number | null } | null = null;

  /** Prints what the followed job's file has gained; moves on to the next job once it is done and printed whole. */
  const pump = () => {
    for (;;) {
      if (!following) {
        const next = finishOrder.find((name) => !shown.has(name)) ?? started.find((name) => !shown.has(name));
        if (!next) return;
        shown.add(next);
        banner(jobs.find((job) => job.name === next)!.title ?? next);
        following = { name: next, fd: null };
      }
      // Asked before reading: a job is marked finished only after its file is closed, so reading to
      // the end after a "yes" reads all of it.
      const done = finished.has(following.name);
      const file = logFileOf(following.name);
      if (following.fd === null && existsSync(file)) following.fd = openSync(file, "r");
      if (following.fd !== null) {
        const buffer = Buffer.alloc(64 * 1024);
        for (let read = readSync(following.fd, buffer); read > 0; read = readSync(following.fd, buffer)) {
          process.stdout.write(buffer.subarray(0, read));
        }
      }
      if (!done) return;
      if (following.fd !== null) closeSync(following.fd);
      following = null;
    }
  };
  const timer = setInterval(pump, FOLLOW_MS);

  try {
    while (finished.size < jobs.length) {
      for (const job of jobs) {
        if (started.includes(job.name) || !(job.after ?? []).every((name) => finished.has(name))) continue;
        started.push(job.name);
        running.set(
          job.name,
          job.run(logFileOf(job.name), finished).then((result) => {
            finished.set(job.name, result);
            finishOrder.push(job.name);
            running.delete(job.name);
          }),
        );
      }
      pump();
      if (running.size === 0) throw new Error(`jobs wait for each other: ${jobs.filter((job) => !finished.has(job.name)).map((job) => job.name).join(", ")}`);
      await Promise.race(running.values());
      pump();
    }
    pump();
    return finished;
  } finally {
    clearInterval(timer);
  }
}
