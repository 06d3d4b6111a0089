// `npm run bench:browse -- [--db postgres|pglite] [--as consultant|manager] [--path /clients] [--views 5] [--port 3986]`
//
// What one page view costs the server when a real browser opens it: bench:http fetches a page's
// HTML alone, but a browser also runs the page, and what the page then asks for (a <Link>
// prefetches its page as it scrolls into view) lands on the same server. This starts the production
// server on the database bench:seed filled, opens the page in Chromium as the measured firm's
// consultant 1 or manager, scrolls to its end, waits until the network is idle, and counts the
// requests the browser sent to the server (the page, the React Server Component requests, the
// rest) and the CPU the server (and a local PostgreSQL) spent meanwhile. `--path` with a
// `page=` query is left as given; otherwise each view opens the next page of the list (page 2,
// 3, …) so no view finds the previous one's answers cached.
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import { buildApp, signIn, startApp, type AppProcess } from "./lib/app-process";
import { BENCH_PASSWORD, MEASURED_FIRM, UsageError, benchTarget, consultantEmail, intFlag, managerEmail, parseFlags } from "./lib/bench-common";
import { cpuMs, cpuSpent, localPostgresPids, processTree } from "./lib/proc";
import { CHROMIUM, CHROMIUM_FLAGS } from "./lib/demo-server.mjs";

const USAGE = "npm run bench:browse -- [--db postgres|pglite] [--as consultant|manager] [--path /clients] [--views 5] [--port 3986]";
const AS = { consultant: consultantEmail(MEASURED_FIRM, 1), manager: managerEmail(MEASURED_FIRM) } as const;

const flags = (() => {
  try {
    const { values } = parseFlags(process.argv.slice(2), { values: ["db", "as", "path", "views", "port"], switches: [] });
    const as = values.get("as") ?? "consultant";
    if (!(as in AS)) throw new UsageError(`--as must be one of ${Object.keys(AS).join(", ")}`);
    const page = values.get("path") ?? "/clients";
    if (!page.startsWith("/")) throw new UsageError("--path must start with /");
    if (!CHROMIUM) throw new UsageError("no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH");
    return { target: benchTarget(values.get("db")), as: as as keyof typeof AS, page, views: intFlag(values, "views", 5, 1, 100), port: intFlag(values, "port", 3986, 1024, 65_000) };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:browse: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

interface View {
  url: string;
  documents: number;
  rsc: number;
  /** RSC requests for another page than the one open (prefetches, as a rule). */
  rscElsewhere: number;
  other: number;
  serverCpuMs: number;
  postgresCpuMs: number | null;
  ms: number;
}

async function main() {
  // The build (scripts/start.mjs --build-only) and the server read these from the environment.
  if (flags.target.kind === "postgres") {
    process.env.DATABASE_URL = flags.target.url;
    // One server, signed in afresh each run: a throwaway secret will do.
    process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  } else {
    process.env.DATABASE_URL = "";
    process.env.PGLITE_DIR = flags.target.pgliteDir;
  }
  buildApp();
  const app: AppProcess = await startApp(flags.port, {});
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const views: View[] = [];
  try {
    const cookie = await signIn(app.base, AS[flags.as], BENCH_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.base };
      }),
    );
    const page = await context.newPage();
    const server = processTree(app.serverPid()!);
    const pg = localPostgresPids(flags.target);
    // One unrecorded view first: the server's first answers load code.
    for (let i = 0; i <= flags.views; i++) {
      const url = flags.page.includes("page=") ? flags.page : `${flags.page}${flags.page.includes("?") ? "&" : "?"}page=${i + 2}`;
      const open = new URL(url, app.base).pathname;
      const seen = { documents: 0, rsc: 0, rscElsewhere: 0, other: 0 };
      const onRequest = (r: import("@playwright/test").Request) => {
        const u = new URL(r.url());
        if (u.origin !== app.base) return;
        if (r.resourceType() === "document") seen.documents++;
        else if (u.searchParams.has("_rsc") || r.headers()["rsc"] === "1") {
          seen.rsc++;
          if (u.pathname !== open) seen.rscElsewhere++;
        } else seen.other++;
      };
      page.on("request", onRequest);
      const cpu0 = { server: cpuMs(server), postgres: cpuMs(pg) };
      const t0 = performance.now();
      const res = await page.goto(app.base + url);
      if (!res || res.status() !== 200) throw new Error(`${url} answered ${res?.status() ?? "nothing"}`);
      await page.waitForLoadState("networkidle");
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(1000);
      await page.waitForLoadState("networkidle");
      const ms = performance.now() - t0;
      page.off("request", onRequest);
      if (i === 0) continue;
      views.push({ url, ...seen, serverCpuMs: cpuSpent(cpu0.server, cpuMs(server)), postgresCpuMs: pg.length ? cpuSpent(cpu0.postgres, cpuMs(pg)) : null, ms: Math.round(ms) });
    }
  } finally {
    await browser.close();
    await app.kill("SIGTERM");
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\n### bench:browse, ${flags.target.kind}, ${flags.page} as ${flags.as}, ${new Date().toISOString()}\n`);
  console.log("| view | documents | RSC requests (for other pages) | other requests | server CPU ms | PostgreSQL CPU ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const v of views) console.log(`| ${v.url} | ${v.documents} | ${v.rsc} (${v.rscElsewhere}) | ${v.other} | ${v.serverCpuMs} | ${v.postgresCpuMs ?? "–"} |`);
  const pgMedian = views.every((v) => v.postgresCpuMs !== null) ? median(views.map((v) => v.postgresCpuMs!)) : null;
  console.log(`\nmedian per view: ${median(views.map((v) => v.rsc))} RSC requests, server CPU ${median(views.map((v) => v.serverCpuMs))} ms, PostgreSQL CPU ${pgMedian ?? "–"} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
