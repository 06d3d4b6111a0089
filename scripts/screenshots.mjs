#!/usr/bin/env node
// `npm run screenshots`: makes the screenshots in docs/ on demand (the tests never write them).
// Starts the production server on a throwaway embedded database with the demo firm, signs in as
// the demo logins, and writes docs/portfolio.png, docs/client-page.png, docs/progress.png, and
// the Bengali ones: docs/progress-bn-phone.png (a phone) and docs/portfolio-bn-dark.png (dark mode),
// and issue #13's: docs/survival.png, cohorts.png, agreement.png, rules-preview.png, outlook.png.
// Bengali text needs a Bengali font on this machine (Debian: apt-get install fonts-noto-core).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS, signIn, startDemoServer } from "./lib/demo-server.mjs";

const port = Number(process.env.SCREENSHOTS_PORT ?? 3200);
let server;
let browser;

async function context(options = {}) {
  return browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 720 }, locale: "en-GB", ...options });
}

async function shoot(page, file) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500); // chart animations
  await page.screenshot({ path: path.join("docs", file), fullPage: true });
  console.log(`[screenshots] wrote docs/${file}`);
}

try {
  server = await startDemoServer({ port, label: "screenshots" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync("docs", { recursive: true });

  const manager = await signIn(await (await context()).newPage(), "manager@example.com", /\/portfolio$/);
  await manager.locator("svg.recharts-surface").first().waitFor();
  await shoot(manager, "portfolio.png");

  const consultant = await signIn(await (await context()).newPage(), "consultant@example.com", /\/clients$/);
  await consultant.getByRole("link", { name: "Rosa's Bakery" }).first().click();
  await consultant.getByRole("heading", { name: "Rosa's Bakery" }).waitFor();
  await consultant.locator("svg.recharts-surface").first().waitFor();
  // The signal charts draw when they come near the screen: bring them in before the full-page shot.
  await consultant.getByTestId("signal-posts").scrollIntoViewIfNeeded();
  await consultant.getByTestId("signal-posts").locator("svg.recharts-surface").waitFor();
  await consultant.evaluate(() => scrollTo(0, 0));
  await shoot(consultant, "client-page.png");

  const client = await signIn(await (await context()).newPage(), "client2@example.com", /\/progress$/);
  await shoot(client, "progress.png");

  // Bengali, on a phone: the browser asks for Bengali and the user has no setting of their own.
  const phone = await signIn(await (await context({ locale: "bn-BD", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })).newPage(), "client2@example.com", /\/progress$/);
  await shoot(phone, "progress-bn-phone.png");

  // Bengali, dark mode (the system's preference), the manager's portfolio.
  const dark = await signIn(await (await context({ locale: "bn-BD", colorScheme: "dark" })).newPage(), "manager@example.com", /\/portfolio$/);
  await dark.locator("svg.recharts-surface").first().waitFor();
  await shoot(dark, "portfolio-bn-dark.png");

  // Issue #13: the survival chart (its card), cohorts, agreement, the stage rules with a preview,
  // and a client's outlook.
  await manager.goto("/portfolio");
  const survival = manager.getByRole("figure", { name: "Time in stage", exact: true });
  await survival.scrollIntoViewIfNeeded();
  await manager.waitForTimeout(1000);
  await survival.screenshot({ path: path.join("docs", "survival.png") });
  console.log("[screenshots] wrote docs/survival.png");
  for (const [route, file] of [["/portfolio/cohorts", "cohorts.png"], ["/portfolio/agreement", "agreement.png"]]) {
    await manager.goto(route);
    await manager.locator("main").first().waitFor();
    await shoot(manager, file);
  }
  await manager.goto("/portfolio/rules");
  await manager.getByLabel("Trial period (days)").fill("365");
  await manager.getByRole("button", { name: "Preview" }).click();
  await manager.getByTestId("rules-preview").waitFor();
  await shoot(manager, "rules-preview.png");

  const second = await signIn(await (await context()).newPage(), "consultant2@example.com", /\/clients$/);
  await second.getByRole("link", { name: "Stonegate Builders", exact: true }).click();
  const outlook = second.getByRole("region", { name: "Outlook" });
  await outlook.scrollIntoViewIfNeeded();
  await outlook.screenshot({ path: path.join("docs", "outlook.png") });
  console.log("[screenshots] wrote docs/outlook.png");
} catch (e) {
  console.error(`[screenshots] ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.stop();
}
