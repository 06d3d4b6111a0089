// For the scripts that look at the running app (screenshots, Lighthouse): build when needed, start
// the production server on a throwaway embedded database seeded with the demo firm, and sign in.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

export const PASSWORD = "stageline-demo";
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Starts the demo server on `port`; `stop()` ends it and removes its data. */
export async function startDemoServer({ port, label }) {
  const root = path.resolve(import.meta.dirname, "..", "..");
  process.chdir(root);
  const baseURL = `http://localhost:${port}`;
  mkdirSync(".data", { recursive: true });
  const work = mkdtempSync(path.join(".data", `${label}-`));
  // Its own process group, so stopping it stops the server that start.mjs spawns too.
  const server = spawn(process.execPath, [path.join("scripts", "start.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...process.env, PORT: String(port), DATABASE_URL: "", PGLITE_DIR: path.join(work, "pglite"), NEXT_TELEMETRY_DISABLED: "1" },
  });
  let exited = false;
  let stopping = false;
  server.on("exit", (code, signal) => {
    exited = true;
    if (!stopping) console.error(`[${label}] the server exited early (${signal ?? `code ${code}`})`);
  });
  const stop = () => {
    stopping = true;
    if (!exited) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {}
    }
    rmSync(work, { recursive: true, force: true });
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (stop(), process.exit(1)));
  const until = Date.now() + 400_000;
  for (;;) {
    if (exited) throw new Error("the server exited before it answered /api/health");
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > until) throw new Error(`no answer from ${baseURL}/api/health`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseURL, stop };
}

/** Signs a demo login in through the form (by field names, so it works in every language). */
export async function signIn(page, email, home) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto("/sign-in");
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL(home);
  return page;
}
