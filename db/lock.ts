import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

// PGlite lets a second process open the same folder and silently diverge. A lock file
// with the holder's pid makes a second opener (a seed script while the server runs) fail loudly.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed server whose parent died too lingers as a zombie until someone reaps it: it holds
  // nothing any more, so it must not keep the folder locked (where /proc can tell).
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return true;
  }
}

export function lockFile(dir: string): string {
  return path.resolve(/*turbopackIgnore: true*/ dir) + ".lock";
}

export function acquirePgliteLock(dir: string, purpose: string): () => void {
  const file = lockFile(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), { flag: "wx" });
      const release = () => {
        try {
          const held = JSON.parse(readFileSync(file, "utf8")) as { pid: number };
          if (held.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let holder: { pid: number; purpose: string } | null = null;
      try {
        holder = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        holder = null;
      }
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new Error(
          `The embedded database in ${path.resolve(dir)} is in use by process ${holder.pid} (${holder.purpose}). ` +
            `Stop it first (it holds ${file}), or point PGLITE_DIR at another folder.`,
        );
      }
      // A stale lock from a process that died: take it over.
      try {
        unlinkSync(file);
      } catch {
        /* raced with another taker */
      }
    }
  }
  throw new Error(`Could not lock the embedded database folder ${path.resolve(dir)} (${file}).`);
}
