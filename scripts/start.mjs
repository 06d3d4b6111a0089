#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, then serve.
// Migrations and the demo seed run inside the server (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

if (process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
  console.error(
    "AUTH_SECRET is not set. With DATABASE_URL every app instance must share one secret:\n" +
      "  export AUTH_SECRET=$(openssl rand -base64 32)",
  );
  process.exit(1);
}

function sourceStamp() {
  const h = createHash("sha256");
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) {
        const s = statSync(p);
        h.update(`${p}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  for (const d of ["app", "components", "lib", "db"]) walk(d);
  for (const f of ["next.config.js", "package-lock.json", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(f)) h.update(`${f}:${statSync(f).mtimeMs}\n`);
  }
  return h.digest("hex");
}

const distDir = process.env.NEXT_DIST_DIR || ".next";
const stampFile = path.join(distDir, "stageline-build-stamp");
const stamp = sourceStamp();
const built = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
if (!built || process.env.STAGELINE_FORCE_BUILD === "1") {
  console.log("[stageline] building the app (first run or changed sources)…");
  const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, stamp);
}

if (process.argv.includes("--build-only")) process.exit(0);

const port = process.env.PORT || "3000";
// scripts/server.mjs rather than `next start`: it decides which X-Forwarded-* headers to believe.
// SERVER_NODE_ARGS adds Node flags for the server alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
// to profile it under `npm run bench:http` (Node refuses --cpu-prof in NODE_OPTIONS).
const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, path.join("scripts", "server.mjs")], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production", AUTH_TRUST_HOST: "true" },
});
console.log(`[stageline] serving on http://localhost:${port}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
