import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
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
});
