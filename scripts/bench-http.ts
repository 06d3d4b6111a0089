// `npm run bench:http -- [--db postgres|pglite] [--duration 10] [--connections 1] [--only name,...]`
//
// Builds the app when its sources changed, starts the production server (scripts/start.mjs)
// against the database `npm run bench:seed` filled (DATABASE_URL = PostgreSQL, else PGLITE_DIR or
// .data/bench-pglite), signs in as the seed's users, and drives each scenario with autocannon for
// a fixed time after a short unrecorded warm-up. GETs run at --connections (default 1: the
// latency of one request at a time, with no queueing in the server's single event loop; raise it
// for throughput), the POST at --post-connections (default 50, as the issue asks).
//
// Per scenario: requests per second, p50/p95/p99 latency (of every answer, from autocannon's
// per-response times), non-2xx answers and socket errors, and the server's resident memory
// (VmRSS summed over scripts/server.mjs and its children, sampled every 200 ms), and the CPU time
// per request of the server and, when it runs on this machine, of PostgreSQL. `/api/health`
// runs first and is the floor: every latency is also given as a multiple of its figure in the
// same run. Prints a markdown table and writes the JSON beside it to
// bench-results/http-<db>-<timestamp>.json.
//
// The load generator runs on the same machine as the server (and PostgreSQL): the figures are for
// this machine as a whole, which is what the targets in docs/performance.md are about.
// The API allows 600 requests a minute per token, so the API scenarios rotate over a pool of
// tokens (--tokens, default 100), created at the start through POST /api/v1/tokens and revoked at
// the end. The POST scenario adds real check-ins (dated today) to the measured firm.
// --firm N measures firm N of the seed instead of firm 1 (its manager, consultant1 and client1):
// a 1,000-client firm among the others, against the same firm seeded alone (`bench:seed --firms 1
// --clients 1000`). SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the server.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { sql } from "drizzle-orm";
import { buildApp, root, signIn as signInAs, startApp, type AppProcess } from "./lib/app-process";
import { BENCH_PASSWORD, UsageError, benchTarget, clientUserEmail, consultantEmail, intFlag, managerEmail, parseFlags } from "./lib/bench-common";
import { cpuMs, cpuSpent, localPostgresPids, processTree, treeRssMb } from "./lib/proc";
import { isoDay } from "../lib/validation/primitives";

const SCENARIOS = ["health", "settings", "portfolio", "clients-p1", "clients-p100", "client-page", "progress", "api-clients-first", "api-clients-late", "api-checkins-post", "health-end"] as const;
type ScenarioName = (typeof SCENARIOS)[number];
const USAGE = `npm run bench:http -- [--db postgres|pglite] [--duration 10] [--warmup 2] [--connections 1] [--post-connections 50] [--tokens 100] [--port 3985] [--firm 1] [--only ${SCENARIOS.join(",")}]`;

const flags = (() => {
  try {
    const { values, switches } = parseFlags(process.argv.slice(2), {
      values: ["db", "duration", "warmup", "connections", "post-connections", "tokens", "port", "only", "firm"],
      switches: ["help"],
    });
    if (switches.has("help")) {
      console.log(USAGE);
      process.exit(0);
    }
    const only = values.get("only")?.split(",").map((s) => s.trim()).filter(Boolean);
    for (const name of only ?? []) if (!(SCENARIOS as readonly string[]).includes(name)) throw new UsageError(`--only: unknown scenario "${name}" (known: ${SCENARIOS.join(", ")})`);
    return {
      target: benchTarget(values.get("db")),
      duration: intFlag(values, "duration", 10, 1, 3600),
      warmup: intFlag(values, "warmup", 2, 0, 600),
      connections: intFlag(values, "connections", 1, 1, 1000),
      postConnections: intFlag(values, "post-connections", 50, 1, 1000),
      tokens: intFlag(values, "tokens", 100, 1, 1000),
      port: intFlag(values, "port", 3985, 1024, 65535),
      firm: intFlag(values, "firm", 1, 1, 10_000),
      only: new Set<ScenarioName>((only as ScenarioName[] | undefined) ?? SCENARIOS),
    };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:http: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

// ---- talking to the server --------------------------------------------------------------------

/** Signs in as one of the seed's users. */
const signIn = (base: string, email: string) => signInAs(base, email, BENCH_PASSWORD);

async function getJson<T>(base: string, pathname: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(base + pathname, { headers });
  if (!res.ok) throw new Error(`GET ${pathname}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

interface ApiClient {
  id: string;
  name: string;
  checkInCount: number;
  archived: boolean;
}

// ---- memory --------------------------------------------------------------------------------------

// ---- measuring -----------------------------------------------------------------------------------

interface Scenario {
  name: ScenarioName;
  what: string;
  connections: number;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Per request (tokens, idempotency keys, a different client each time). */
  setup?: (req: autocannon.Request) => autocannon.Request;
}

interface Measured {
  name: ScenarioName;
  what: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  status: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  rssMaxMb: number;
  rssEndMb: number;
  /** CPU per request: the server's process tree, and PostgreSQL's processes when it is local (processes started or ended during the run are missed, so it is a floor). */
  cpuMsPerRequest: { server: number; postgres: number | null };
  ratio?: { p50: number; p95: number; p99: number };
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

async function fire(base: string, s: Scenario, seconds: number, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: s.connections,
        duration: seconds,
        timeout: 30,
        requests: [{ method: s.method ?? "GET", path: s.path, headers: s.headers, ...(s.setup ? { setupRequest: s.setup } : {}) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

async function measure(base: string, s: Scenario, serverPid: number): Promise<Measured> {
  if (flags.warmup > 0) await fire(base, s, flags.warmup);
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let rssMax = 0;
  const pids = processTree(serverPid);
  const sample = () => {
    rssMax = Math.max(rssMax, treeRssMb(pids));
  };
  sample();
  const pg = localPostgresPids(flags.target);
  const cpu0 = { server: cpuMs(pids), postgres: cpuMs(pg) };
  const timer = setInterval(sample, 200);
  const result = await fire(base, s, flags.duration, (code, ms) => {
    latencies.push(ms);
    status[code] = (status[code] ?? 0) + 1;
  });
  clearInterval(timer);
  sample();
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, latencies.length)) * 10) / 10;
  const cpuMsPerRequest = { server: perRequest(cpuSpent(cpu0.server, cpuMs(pids))), postgres: pg.length ? perRequest(cpuSpent(cpu0.postgres, cpuMs(pg))) : null };
  const sorted = Float64Array.from(latencies).sort();
  const non2xx = Object.entries(status).reduce((n, [code, k]) => (code.startsWith("2") ? n : n + k), 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    name: s.name,
    what: s.what,
    connections: s.connections,
    durationS: result.duration,
    requests: latencies.length,
    rps: round(latencies.length / result.duration),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    status,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rssMaxMb: Math.round(rssMax),
    rssEndMb: Math.round(treeRssMb(pids)),
    cpuMsPerRequest,
  };
}

/** One request as the scenario would send it: it must be a 2xx, or the numbers would be about an error page. */
async function probe(base: string, s: Scenario): Promise<void> {
  const first: autocannon.Request = { method: s.method ?? "GET", path: s.path, headers: { ...s.headers } };
  const req = s.setup ? s.setup(first) : first;
  const res = await fetch(base + req.path, { method: req.method, headers: req.headers as Record<string, string>, body: req.body as string | undefined, redirect: "manual" });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${s.name}: ${req.method} ${req.path} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}: ${text.slice(0, 200)}`);
}

// ---- the run -------------------------------------------------------------------------------------

/** The tables the app writes while it serves (the POST scenario, sign-ins, tokens, rate limits). */
const WRITTEN_TABLES = ["check_ins", "stage_assessments", "stage_spells", "client_status", "audit_log", "rate_limits", "api_tokens", "user_sessions"];

/** VACUUM (ANALYZE) each written table through `exec`, and say why and how long it took. */
async function vacuumWritten(exec: (statement: string) => Promise<unknown>, why: string): Promise<void> {
  const t = performance.now();
  for (const table of WRITTEN_TABLES) await exec(`vacuum (analyze) ${table}`);
  console.log(`bench:http: ${why}: vacuumed and analyzed ${WRITTEN_TABLES.join(", ")} first (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

/**
 * A server with autovacuum off (this machine's PostgreSQL has `autovacuum = off` in
 * conf.d/90-ci.conf) never clears the dead rows that every run's writers leave: 14,000 check-ins
 * left stage_spells 36% dead, and the portfolio's statements took 120 ms instead of 71 (explain-plans). A
 * production server runs autovacuum; so that runs compare with each other and with it, this
 * vacuums and analyzes the written tables first, and says so.
 */
async function vacuumWithoutAutovacuum(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ autovacuum: string }>("show autovacuum");
    if (rows[0]?.autovacuum === "on") return;
    await vacuumWritten((q) => client.query(q), "autovacuum is off on this server");
  } finally {
    await client.end();
  }
}

/**
 * The embedded database has no autovacuum at all: the server vacuums it itself, but only a minute
 * after it starts (db/pglite-maintenance.ts), which is after the portfolio's scenario. Each run's
 * writers left their dead rows to the next run's pages, which then read them: after an hour
 * of runs the portfolio's p50 was 181.6 ms, and 125.8 and 134.2 ms once the tables were vacuumed.
 * As for PostgreSQL without autovacuum, the written tables are vacuumed and analyzed first, as the
 * folder's owner, before the server opens it.
 */
async function vacuumEmbedded(dir: string): Promise<void> {
  const { openDatabase } = await import("../db");
  const database = await openDatabase({ pgliteDir: dir, purpose: "bench:http (vacuuming first)" });
  try {
    await vacuumWritten((q) => database.db.execute(sql.raw(q)), "the embedded database has no autovacuum");
  } finally {
    await database.close();
  }
}

async function main() {
  const { target } = flags;
  // The build (scripts/start.mjs --build-only) and the server read these from the environment.
  if (target.kind === "postgres") {
    process.env.DATABASE_URL = target.url;
    // One server, signed in afresh each run: a throwaway secret will do.
    process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  } else {
    process.env.DATABASE_URL = "";
    process.env.PGLITE_DIR = target.pgliteDir;
  }
  if (target.kind === "postgres") await vacuumWithoutAutovacuum(target.url!);
  else await vacuumEmbedded(target.pgliteDir!);
  buildApp();
  const env: Record<string, string | undefined> = {};
  console.log(`bench:http: starting the production server on port ${flags.port} against ${target.kind} (${target.kind === "postgres" ? target.url!.replace(/\/\/[^@/]*@/, "//…@") : target.pgliteDir})`);
  const app: AppProcess = await startApp(flags.port, env);
  const base = app.base;
  const results: Measured[] = [];
  let tokens: { id: string; token: string }[] = [];
  let consultantCookie = "";
  try {
    const serverPid = app.serverPid();
    if (!serverPid) throw new Error("could not find the server process (scripts/server.mjs) under scripts/start.mjs");
    const rssIdle = Math.round(treeRssMb(processTree(serverPid)));

    const manager = await signIn(base, managerEmail(flags.firm));
    consultantCookie = await signIn(base, consultantEmail(flags.firm, 1));
    const clientUser = await signIn(base, clientUserEmail(flags.firm, 1));

    // A pool of tokens of consultant 1 (a token acts as its owner), so no token passes its rate limit.
    const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
    for (let i = 0; i < flags.tokens; i++) {
      const res = await fetch(`${base}/api/v1/tokens`, {
        method: "POST",
        headers: { cookie: consultantCookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({ name: `bench:http ${runId} #${i + 1}`, expiresInDays: 1 }),
      });
      if (res.status !== 201) throw new Error(`POST /api/v1/tokens: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
      const body = (await res.json()) as { id: string; token: string };
      tokens.push({ id: body.id, token: body.token });
    }
    let tokenTurn = 0;
    const bearer = () => `Bearer ${tokens[tokenTurn++ % tokens.length]!.token}`;

    // Walk consultant 1's clients through the API once: their ids, and the cursor of the last page.
    const visible: ApiClient[] = [];
    let cursor: string | null = null;
    let lastPageCursor: string | null = null;
    let pages = 0;
    do {
      lastPageCursor = cursor;
      const page: { data: ApiClient[]; nextCursor: string | null } = await getJson(base, `/api/v1/clients${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, { authorization: bearer() });
      visible.push(...page.data);
      pages++;
      cursor = page.nextCursor;
    } while (cursor);
    const active = visible.filter((c) => !c.archived && c.checkInCount > 0);
    if (active.length === 0) throw new Error(`${consultantEmail(flags.firm, 1)} sees no client with check-ins: run \`npm run bench:seed\` first`);
    // The client page of a client with a typical history (the median check-in count).
    const byCount = [...active].sort((a, b) => a.checkInCount - b.checkInCount);
    const typical = byCount[Math.floor(byCount.length / 2)]!;
    const listPages = Math.max(1, Math.ceil(visible.filter((c) => !c.archived).length / 50));
    console.log(
      `consultant 1 sees ${visible.length.toLocaleString("en")} clients over ${pages} API pages; /clients has ~${listPages} pages of 50` +
        `${listPages < 100 ? ` (page 100 shows the last page: seed more clients for a real page 100)` : ""}; client page: ${typical.name} (${typical.checkInCount} check-ins)`,
    );

    const today = isoDay();
    let postTurn = 0;
    const checkInBody = (k: number) =>
      JSON.stringify({
        date: today, accounts: ["facebook", "instagram"], posts_last_30d: 12 + (k % 9), rhythm: "scheduled", automated_share: 0.1,
        replies: "consistent", promotion: "light", results: "some", tools: ["scheduling"], mention_response_hours: 12, advocacy: "none",
        attitude: "comfortable", followers: 400 + (k % 300), notes: "bench:http check-in",
      });
    const all: Scenario[] = [
      { name: "health", what: "GET /api/health (the floor)", connections: flags.connections, path: "/api/health" },
      // The lightest signed-in page (two small forms): what every page pays for the session, the
      // shell and the framework, before its own data.
      { name: "settings", what: "GET /settings as consultant 1 (a light signed-in page)", connections: flags.connections, path: "/settings", headers: { cookie: consultantCookie } },
      { name: "portfolio", what: "GET /portfolio as the manager", connections: flags.connections, path: "/portfolio", headers: { cookie: manager } },
      { name: "clients-p1", what: "GET /clients as consultant 1", connections: flags.connections, path: "/clients", headers: { cookie: consultantCookie } },
      { name: "clients-p100", what: `GET /clients?page=100 as consultant 1${listPages < 100 ? ` (= page ${listPages}, the last)` : ""}`, connections: flags.connections, path: "/clients?page=100", headers: { cookie: consultantCookie } },
      { name: "client-page", what: `GET /clients/{id} (${typical.checkInCount} check-ins)`, connections: flags.connections, path: `/clients/${typical.id}`, headers: { cookie: consultantCookie } },
      { name: "progress", what: "GET /progress as a client user", connections: flags.connections, path: "/progress", headers: { cookie: clientUser } },
      {
        name: "api-clients-first", what: "GET /api/v1/clients, first page (50)", connections: flags.connections, path: "/api/v1/clients",
        setup: (req) => ({ ...req, headers: { ...req.headers, authorization: bearer() } }),
      },
      {
        name: "api-clients-late", what: `GET /api/v1/clients, last page (page ${pages}, keyset cursor)`, connections: flags.connections,
        path: `/api/v1/clients${lastPageCursor ? `?cursor=${encodeURIComponent(lastPageCursor)}` : ""}`,
        setup: (req) => ({ ...req, headers: { ...req.headers, authorization: bearer() } }),
      },
      {
        name: "api-checkins-post", what: `POST /api/v1/clients/{id}/checkins, ${flags.postConnections} concurrent, a new Idempotency-Key each`, connections: flags.postConnections,
        method: "POST", path: "/api/v1/clients/x/checkins",
        setup: (req) => {
          const k = postTurn++;
          const client = active[(k * 7919) % active.length]!;
          return {
            ...req,
            path: `/api/v1/clients/${client.id}/checkins`,
            headers: { ...req.headers, authorization: bearer(), "content-type": "application/json", "idempotency-key": `bench-${runId}-${k}` },
            body: checkInBody(k),
          };
        },
      },
      { name: "health-end", what: "GET /api/health again, after the rest", connections: flags.connections, path: "/api/health" },
    ];

    const startedAt = new Date();
    for (const s of all) {
      if (!flags.only.has(s.name)) continue;
      await probe(base, s);
      process.stdout.write(`  ${s.name.padEnd(18)} `);
      const m = await measure(base, s, serverPid);
      const pgCpu = m.cpuMsPerRequest.postgres === null ? "" : `, PostgreSQL ${m.cpuMsPerRequest.postgres}`;
      console.log(`${m.rps} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}, RSS max ${m.rssMaxMb} MB, CPU ms per request: server ${m.cpuMsPerRequest.server}${pgCpu}`);
      results.push(m);
    }
    const floor = results.find((r) => r.name === "health");
    if (floor) for (const r of results) r.ratio = { p50: ratio(r.p50, floor.p50), p95: ratio(r.p95, floor.p95), p99: ratio(r.p99, floor.p99) };

    const report = {
      kind: "bench:http",
      db: target.kind,
      startedAt: startedAt.toISOString(),
      commit: gitCommit(),
      // Uncommitted changes: the commit alone does not say what was measured.
      dirty: gitDirty(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGb: Math.round(os.totalmem() / 2 ** 30), loadAvgAtStart: os.loadavg(), node: process.version },
      options: { duration: flags.duration, warmup: flags.warmup, connections: flags.connections, postConnections: flags.postConnections, tokens: flags.tokens, firm: flags.firm },
      data: { consultantVisibleClients: visible.length, apiPages: pages, clientsPageCount: listPages, clientPage: { checkIns: typical.checkInCount } },
      rssIdleMb: rssIdle,
      rssMaxMb: Math.max(rssIdle, ...results.map((r) => r.rssMaxMb)),
      scenarios: results,
    };
    const dir = path.join(root, "bench-results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `http-${target.kind}-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

    console.log(`\n### bench:http, ${target.kind}, firm ${flags.firm}, ${startedAt.toISOString()} (${flags.duration} s each, ${flags.connections} connection(s) unless noted)\n`);
    console.log("| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | p50 × floor | p95 × floor | non-2xx | errors | RSS max MB | CPU ms/req server / PostgreSQL |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(`| ${r.what} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.ratio ? r.ratio.p50 : "–"} | ${r.ratio ? r.ratio.p95 : "–"} | ${r.non2xx} | ${r.errors} | ${r.rssMaxMb} | ${r.cpuMsPerRequest.server} / ${r.cpuMsPerRequest.postgres ?? "–"} |`);
    }
    console.log(`\nServer RSS: ${rssIdle} MB after start, ${report.rssMaxMb} MB at most. JSON: ${path.relative(root, file)}`);
    const bad = results.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (bad.length > 0) {
      console.log(`Answers other than 2xx or socket errors in: ${bad.map((r) => `${r.name} (${Object.entries(r.status).filter(([c]) => !c.startsWith("2")).map(([c, n]) => `${n}× ${c}`).join(", ") || `${r.errors} errors`})`).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    // Leave no working tokens behind.
    for (const t of tokens) {
      await fetch(`${base}/api/v1/tokens/${t.id}`, { method: "DELETE", headers: { authorization: `Bearer ${t.token}` } }).catch(() => {});
    }
    tokens = [];
    await app.kill("SIGTERM");
  }
}

const ratio = (x: number, floor: number) => (floor > 0 ? Math.round((x / floor) * 10) / 10 : NaN);

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

function gitDirty(): boolean | null {
  try {
    return execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
  } catch {
    return null;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
