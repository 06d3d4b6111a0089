#!/usr/bin/env node
// `npm run audit:lighthouse`: Lighthouse 12.2.3 (the last line that runs on Node 20) with Debian's
// Chromium, mobile emulation, on the client's /progress page and a consultant's client page, signed
// in through the demo logins. Prints the accessibility and performance scores and writes the full
// reports to .data/lighthouse/. Needs the package registry once (npx fetches lighthouse@12.2.3).
// Each page is audited LIGHTHOUSE_RUNS times (3 by default) and judged on the median run, as
// Lighthouse's own guidance on variability advises: on a shared 2-core machine one run can move
// the performance score by 10 points either way. Every run's score is printed.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS, signIn, startDemoServer } from "./lib/demo-server.mjs";

const port = Number(process.env.LIGHTHOUSE_PORT ?? 3300);
let server;
let browser;
const results = [];
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

async function cookieHeader(email, home) {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await signIn(await context.newPage(), email, home);
  const url = page.url();
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();
  return { cookies, url };
}

function auditOnce(name, url, cookies, run) {
  mkdirSync(path.join(".data", "lighthouse"), { recursive: true });
  const out = path.join(".data", "lighthouse", `${name}-${run}.json`);
  execFileSync(
    "npx",
    [
      "-y",
      "lighthouse@12.2.3",
      url,
      `--chrome-path=${CHROMIUM}`,
      `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
      "--form-factor=mobile",
      "--only-categories=accessibility,performance,best-practices",
      `--extra-headers=${JSON.stringify({ Cookie: cookies })}`,
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  const report = JSON.parse(readFileSync(out, "utf8"));
  const score = (k) => Math.round((report.categories[k]?.score ?? 0) * 100);
  const failing = Object.values(report.audits).filter((a) => a.scoreDisplayMode === "binary" && a.score === 0 && report.categories.accessibility.auditRefs.some((r) => r.id === a.id));
  for (const a of failing) console.log(`  [${name}] accessibility: ${a.id}: ${a.title}`);
  const ms = (k) => Math.round(report.audits[k]?.numericValue ?? NaN);
  return { accessibility: score("accessibility"), performance: score("performance"), bestPractices: score("best-practices"), lcp: ms("largest-contentful-paint"), tbt: ms("total-blocking-time"), report: out };
}

function audit(name, url, cookies) {
  const all = [];
  for (let run = 1; run <= runs; run++) all.push(auditOnce(name, url, cookies, run));
  // The median run by performance score; accessibility must be 100 in every run.
  const median = [...all].sort((a, b) => a.performance - b.performance)[Math.floor((all.length - 1) / 2)];
  results.push({
    page: name,
    accessibility: Math.min(...all.map((r) => r.accessibility)),
    performance: median.performance,
    "performance (each run)": all.map((r) => r.performance).join(" "),
    "LCP ms": median.lcp,
    "TBT ms": median.tbt,
    bestPractices: median.bestPractices,
  });
  copyFileSync(median.report, path.join(".data", "lighthouse", `${name}.json`));
}

try {
  server = await startDemoServer({ port, label: "lighthouse" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const client = await cookieHeader("client2@example.com", /\/progress$/);
  const consultant = await cookieHeader("consultant@example.com", /\/clients$/);
  const page = await (await browser.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { Cookie: consultant.cookies } })).newPage();
  await page.goto("/clients");
  const href = await page.locator('a[href^="/clients/"][href*="-"]').first().getAttribute("href");
  await browser.close();
  browser = undefined;
  audit("progress", `${server.baseURL}/progress`, client.cookies);
  audit("client-page", `${server.baseURL}${href}`, consultant.cookies);
  console.table(results);
  if (results.some((r) => r.accessibility < 100 || r.performance < 90)) {
    console.log("[lighthouse] below target: accessibility 100, performance >= 90");
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`[lighthouse] ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.stop();
}
