#!/usr/bin/env node
// The server under e2e test: a fresh database every run, seeded with the demo firm.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
if (process.env.DATABASE_URL) {
  const tsx = path.join("node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, ["scripts/seed.ts", "--reset"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  rmSync(path.dirname(path.resolve(process.env.PGLITE_DIR ?? ".data/e2e/pglite")), { recursive: true, force: true });
}
await import("./start.mjs");
