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
// a 1,000-client firm among the others, against the same firm nearly alone (`bench:seed --firms 2
// --clients 1 --other-clients 1000` with the big seed's --months: the seed is the same per firm and
// client, so that firm 2 is the big seed's firm 2). `npm run bench:pair` compares the two with
// requests interleaved. SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the server.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildApp, root, startApp, type AppProcess } from "./lib/app-process";
import { UsageError, benchTarget, intFlag, parseFlags } from "./lib/bench-common";
import {
  SCENARIOS, buildScenarios, describeInputs, fire, gitCommit, gitDirty, machineInfo, percentile, probe, resolveInputs, revokeTokens, vacuumEmbedded,
  vacuumWithoutAutovacuum, type ApiToken, type Scenario, type ScenarioName,
} from "./lib/bench-scenarios";
import { cpuMs, cpuSpent, localPostgresPids, processTree, treeRssMb } from "./lib/proc";
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

// ---- measuring -----------------------------------------------------------------------------------

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

// ---- the run -------------------------------------------------------------------------------------

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
  if (target.kind === "postgres") await vacuumWithoutAutovacuum(target.url!, "bench:http");
  else await vacuumEmbedded(target.pgliteDir!, "bench:http");
  buildApp();
  // The measured database only: a replica or direct URL from the shell would send reads elsewhere.
  const env: Record<string, string | undefined> = { DATABASE_READ_URL: undefined, DATABASE_DIRECT_URL: undefined };
  console.log(`bench:http: starting the production server on port ${flags.port} against ${target.kind} (${target.kind === "postgres" ? target.url!.replace(/\/\/[^@/]*@/, "//…@") : target.pgliteDir})`);
  const app: AppProcess = await startApp(flags.port, env);
  const base = app.base;
  const results: Measured[] = [];
  let tokens: ApiToken[] = [];
  try {
    const serverPid = app.serverPid();
    if (!serverPid) throw new Error("could not find the server process (scripts/server.mjs) under scripts/start.mjs");
    const rssIdle = Math.round(treeRssMb(processTree(serverPid)));

    const inputs = await resolveInputs(base, { firm: flags.firm, tokenCount: flags.tokens, label: "bench:http" }, tokens);
    const { visible, pages, listPages, typical } = inputs;
    console.log(describeInputs(inputs));
    const all: Scenario[] = buildScenarios(inputs, { connections: flags.connections, postConnections: flags.postConnections, label: "bench:http" });

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
      machine: machineInfo(),
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
    await revokeTokens(base, tokens);
    tokens = [];
    await app.kill("SIGTERM");
  }
}

const ratio = (x: number, floor: number) => (floor > 0 ? Math.round((x / floor) * 10) / 10 : NaN);

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
