#!/usr/bin/env node
// `npm run screenshots`: makes the screenshots in docs/ on demand (the tests never write them).
// Builds when needed and starts the production server on a throwaway embedded database seeded
// with the demo firm, signs in as the demo logins, and writes docs/portfolio.png,
// docs/client-page.png and docs/progress.png.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const port = Number(process.env.SCREENSHOTS_PORT ?? 3200);
const baseURL = `http://localhost:${port}`;
const executablePath =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const PASSWORD = "stageline-demo";

mkdirSync(".data", { recursive: true });
const work = mkdtempSync(path.join(".data", "screenshots-"));

// Its own process group, so stopping it stops the server that start.mjs spawns too.
const server = spawn(process.execPath, [path.join("scripts", "start.mjs")], {
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
  env: { ...process.env, PORT: String(port), DATABASE_URL: "", PGLITE_DIR: path.join(work, "pglite"), NEXT_TELEMETRY_DISABLED: "1" },
});
let serverExited = false;
server.on("exit", (code, signal) => {
  serverExited = true;
  if (!stopping) console.error(`[screenshots] the server exited early (${signal ?? `code ${code}`})`);
});
let stopping = false;

function stopServer() {
  stopping = true;
  if (!serverExited) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
  rmSync(work, { recursive: true, force: true });
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (stopServer(), process.exit(1)));

async function waitForHealth(timeoutMs = 400_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (serverExited) throw new Error("the server exited before it answered /api/health");
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${baseURL}/api/health after ${timeoutMs / 1000}s`);
}

async function signedIn(browser, email, home) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // Health answering does not always mean every address (IPv4 and IPv6) of localhost does yet.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto("/sign-in");
      break;
    } catch (e) {
      if (attempt >= 5 || serverExited) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(home);
  return page;
}

async function shoot(page, file) {
  await page.waitForLoadState("networkidle");
  // Let the chart animations finish.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join("docs", file), fullPage: true });
  console.log(`[screenshots] wrote docs/${file}`);
}

let browser;
try {
  await waitForHealth();
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync("docs", { recursive: true });

  // The manager's portfolio.
  const manager = await signedIn(browser, "manager@example.com", /\/portfolio$/);
  await manager.getByRole("figure", { name: "Stage distribution now" }).locator("svg.recharts-surface").first().waitFor();
  await shoot(manager, "portfolio.png");

  // A client page with a long history.
  const consultant = await signedIn(browser, "consultant@example.com", /\/clients$/);
  await consultant.getByRole("link", { name: "Rosa's Bakery" }).first().click();
  await consultant.getByRole("heading", { name: "Rosa's Bakery" }).waitFor();
  await consultant.getByTestId("stage-timeline").locator("svg.recharts-surface").first().waitFor();
  await shoot(consultant, "client-page.png");

  // The client's progress page, with the closing question answered.
  const client = await signedIn(browser, "client2@example.com", /\/progress$/);
  await client.getByLabel("Anything you want to add?").fill("We post every Tuesday now");
  await client.getByRole("button", { name: /^Stage 4/ }).click();
  await client.getByTestId("self-answer").waitFor();
  await shoot(client, "progress.png");
} catch (e) {
  console.error(`[screenshots] ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  stopServer();
}
