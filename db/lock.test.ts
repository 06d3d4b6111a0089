import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { acquirePgliteLock, lockFile } from "./lock";
import { openDatabase } from "./index";

describe("the embedded database folder lock", () => {
  it("refuses a second opener while a live process holds the folder", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "stageline-lock-")), "pglite");
    // Another live process (our parent) holds it, as the server would.
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid, purpose: "app server" }));
    expect(() => acquirePgliteLock(dir, "npm run db:seed")).toThrow(/in use by process \d+ \(app server\)/);
    await expect(openDatabase({ pgliteDir: dir, purpose: "npm run db:seed" })).rejects.toThrow(/in use/);
  });

  it("takes over a stale lock left by a process that died, and releases it", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "stageline-lock-")), "pglite");
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 2 ** 22 + 12345, purpose: "crashed" }));
    const release = acquirePgliteLock(dir, "test");
    expect(existsSync(lockFile(dir))).toBe(true);
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it.runIf(process.platform === "linux")("takes over a lock held by a zombie (killed, not yet reaped)", async () => {
    const { spawn } = await import("node:child_process");
    // The shell starts a child that exits a moment later, then becomes `sleep`, which never reaps
    // it: the child stays a zombie for as long as the sleep runs. (A child that exited before the
    // exec could be reaped by the shell itself.)
    const parent = spawn("sh", ["-c", 'sh -c "sleep 0.3" & echo $!; exec sleep 30'], { stdio: ["ignore", "pipe", "ignore"] });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once("data", (d) => resolve(String(d).trim()))));
    for (let i = 0; i < 300 && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, "utf8")); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/State:\s+Z/);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "stageline-lock-")), "pglite");
    writeFileSync(lockFile(dir), JSON.stringify({ pid, purpose: "killed server" }));
    const release = acquirePgliteLock(dir, "restart");
    release();
    parent.kill();
  });
});
