// Readings of running processes from /proc, for the benchmarks: memory and CPU time of the app
// server's process tree, and of a local PostgreSQL.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import type { BenchTarget } from "./bench-common";

/** The pid and every descendant's. */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const r = spawnSync("pgrep", ["-P", String(out[i])], { encoding: "utf8" });
    for (const line of r.stdout.split("\n")) if (/^\d+$/.test(line.trim())) out.push(Number(line.trim()));
  }
  return out;
}

/** The resident memory of these processes together, in MB. */
export function treeRssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended
    }
  }
  return kb / 1024;
}

/** CPU time (user + system) in ms of each of these processes that is still running, from /proc. */
export function cpuMs(pids: number[]): Map<number, number> {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {
      // the process ended
    }
  }
  return out;
}

/** CPU spent between two readings by the processes alive at both (one that ended took its count with it). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) if (before.has(pid)) ms += t - before.get(pid)!;
  return ms;
}

/** PostgreSQL's processes on this machine (server and backends), when the database is local; else none. */
export function localPostgresPids(target: BenchTarget): number[] {
  if (target.kind !== "postgres") return [];
  const host = new URL(target.url!).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host)) return [];
  // The server ("…/bin/postgres -D …") and its children ("postgres: 15/main: …").
  const r = spawnSync("pgrep", ["-f", "^postgres: |bin/postgres( |$)"], { encoding: "utf8" });
  return r.stdout.split("\n").map(Number).filter((n) => n > 0);
}
