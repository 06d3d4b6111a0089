// `npm run bench:pair -- --a postgres://…|pglite[:DIR] --b postgres://…|pglite[:DIR] [--firm 1] [--n 200] [--warmup 20] [--only name,...] [--post-rounds 4] [--post-seconds 5] [--tokens 20] [--port 3991]`
//
// Two databases, one build: this checkout as two production servers (scripts/start.mjs), A on
// --port and B on --port + 1, each on its own database that `npm run bench:seed` filled, a
// PostgreSQL URL or an embedded folder (`pglite` is PGLITE_DIR or .data/bench-pglite). At most one
// side may be PGlite: the folder takes one server. Back-to-back `bench:http` runs on this 2-core
// machine swing by 10 to 50% from one minute to the next, more than the ratios the project must
// show: a firm of 1,000 clients within 1.2× of the same firm alone in its database, and PGlite
// within 2× of PostgreSQL on the same data. So the two sides take turns, request by request, and
// both see the same moments of the machine, as `bench:ab` does for two builds. The first: --a the
// big seed, --b a database where firm N is (almost) alone, --firm N in both; the seed is the same
// per (firm, client), so `bench:seed -- --firms 2 --clients 1 --other-clients 1000` with the big
// seed's --months holds the same firm 2 beside a one-client firm 1. The second: --a pglite, --b
// postgres://… seeded with the same flags. Each side's data is printed, and a note says when
// the two differ (the POST adds check-ins to both, so repeated runs drift apart a little).
//
// Each side signs in as the firm's manager, consultant 1 and client user 1, makes a small pool of
// API tokens (revoked at the end), and finds its own typical client, last API page and /clients
// page count (ids differ between databases), as bench:http does (scripts/lib/bench-scenarios.ts).
// Before the servers start, the written tables are vacuumed where nothing else would (PostgreSQL
// with autovacuum off, and PGlite, as the folder's owner), as bench:http does.
//
// GET scenarios (bench:http's names; health is the floor): --warmup unrecorded and --n recorded
// pairs, one request at a time (node:http, one kept-alive connection a side), A then B, then B
// then A; every answer must be a 200. Per side p50 and p95, "A over B" (A's p50 divided by B's:
// above 1, A is slower), the median of the pairs' own ratios, in how many pairs A was the faster,
// and the server's CPU time per request.
// The POST (api-checkins-post, 50 concurrent, new check-ins dated today): after a 1 s unrecorded
// burst each, --post-rounds rounds of an autocannon burst of --post-seconds on A and one on B,
// the side going first alternating. Per side: check-ins a second over all rounds (2xx answers
// over the rounds' time), p50 over every answer, the median of the rounds' p95s, non-2xx and
// socket errors; "A over B" again (for the rate, below 1 means A is slower).
//
// Prints a line per scenario and a markdown table, and writes the JSON beside it to
// bench-results/pair-<timestamp>.json. A PGlite server vacuums itself a minute after it starts
// (db/pglite-maintenance.ts): in a long run that lands on side A or B alone, as it would in use.
// Ctrl-C revokes the tokens and stops both servers (they run in process groups of their own).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { buildApp, root, startApp, type AppProcess } from "./lib/app-process";
import { BENCH_PGLITE_DIR, UsageError, intFlag, parseFlags } from "./lib/bench-common";
import {
  buildScenarios, describeInputs, fire, gitCommit, gitDirty, machineInfo, nextRequest, percentile, probe, resolveInputs, revokeTokens,
  vacuumEmbedded, vacuumWithoutAutovacuum, type ApiToken, type Scenario, type ScenarioInputs,
} from "./lib/bench-scenarios";
import { cpuMs, cpuSpent, processTree } from "./lib/proc";

/** bench:http's scenarios that make sense in pairs (health first: the floor; the POST last: it writes). */
const PAIR_SCENARIOS = ["health", "portfolio", "clients-p1", "clients-p100", "client-page", "progress", "api-clients-first", "api-clients-late", "api-checkins-post"] as const;
type PairScenario = (typeof PAIR_SCENARIOS)[number];
const POST_CONNECTIONS = 50;
const USAGE = `npm run bench:pair -- --a postgres://…|pglite[:DIR] --b postgres://…|pglite[:DIR] [--firm 1] [--n 200] [--warmup 20] [--only ${PAIR_SCENARIOS.join(",")}] [--post-rounds 4] [--post-seconds 5] [--tokens 20] [--port 3991]`;

interface SideSpec {
  label: "A" | "B";
  kind: "postgres" | "pglite";
  url?: string;
  pgliteDir?: string;
  /** For the output: the URL without its password, or the folder. */
  shown: string;
}

function sideSpec(label: "A" | "B", value: string | undefined): SideSpec {
  const flag = `--${label.toLowerCase()}`;
  if (value === undefined) throw new UsageError(`${flag} is required: a PostgreSQL URL (postgres://…) or pglite / pglite:DIR`);
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new UsageError(`${flag}: "${value}" is not a valid URL`);
    }
    return { label, kind: "postgres", url: value, shown: value.replace(/\/\/[^@/]*@/, "//…@") };
  }
  if (value === "pglite" || value.startsWith("pglite:")) {
    const dir = path.resolve(value.slice("pglite:".length) || process.env.PGLITE_DIR || BENCH_PGLITE_DIR);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(`${flag}: ${dir} is not a folder: fill it first (env -u DATABASE_URL PGLITE_DIR=${dir} npm run bench:seed -- --db pglite …)`);
    }
    return { label, kind: "pglite", pgliteDir: dir, shown: `pglite ${dir}` };
  }
  throw new UsageError(`${flag} must be a PostgreSQL URL (postgres://…) or pglite / pglite:DIR, got "${value}"`);
}

const flags = (() => {
  try {
    const { values, switches } = parseFlags(process.argv.slice(2), {
      values: ["a", "b", "firm", "n", "warmup", "only", "post-rounds", "post-seconds", "tokens", "port"],
      switches: ["help"],
    });
    if (switches.has("help")) {
      console.log(USAGE);
      process.exit(0);
    }
    const a = sideSpec("A", values.get("a"));
    const b = sideSpec("B", values.get("b"));
    if (a.kind === "pglite" && b.kind === "pglite") throw new UsageError("at most one side may be PGlite (--a or --b): an embedded folder takes one server at a time");
    const only = values.get("only")?.split(",").map((s) => s.trim()).filter(Boolean);
    for (const name of only ?? []) if (!(PAIR_SCENARIOS as readonly string[]).includes(name)) throw new UsageError(`--only: unknown scenario "${name}" (known: ${PAIR_SCENARIOS.join(", ")})`);
    if (only?.length === 0) throw new UsageError("--only names no scenario");
    return {
      a,
      b,
      firm: intFlag(values, "firm", 1, 1, 10_000),
      n: intFlag(values, "n", 200, 1, 100_000),
      warmup: intFlag(values, "warmup", 20, 0, 10_000),
      postRounds: intFlag(values, "post-rounds", 4, 1, 100),
      postSeconds: intFlag(values, "post-seconds", 5, 1, 600),
      tokens: intFlag(values, "tokens", 20, 1, 1000),
      // B listens on the next port.
      port: intFlag(values, "port", 3991, 1024, 65_534),
      only: new Set<PairScenario>((only as PairScenario[] | undefined) ?? PAIR_SCENARIOS),
    };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:pair: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

// ---- the two sides -------------------------------------------------------------------------------

interface Side {
  spec: SideSpec;
  app: AppProcess;
  /** The server's process tree (scripts/server.mjs and its children), for CPU readings. */
  pids: number[];
  tokens: ApiToken[];
  /** One kept-alive connection for the GETs (node:http: fetch added 1.5 ms a request here, to both sides alike, which pulls every ratio towards 1). */
  agent: http.Agent;
  inputs?: ScenarioInputs;
  scenarios: Scenario[];
}

/** The side's environment: its own database, and no other database variable from ours (a read replica of another). */
function sideEnv(spec: SideSpec): Record<string, string | undefined> {
  const common = { DATABASE_DIRECT_URL: undefined, DATABASE_READ_URL: undefined };
  return spec.kind === "postgres" ? { ...common, DATABASE_URL: spec.url } : { ...common, DATABASE_URL: undefined, PGLITE_DIR: spec.pgliteDir };
}

// ---- measuring -----------------------------------------------------------------------------------

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();
const median = (xs: number[]) => percentile(sortedOf(xs), 50);

/** One GET as the scenario sends it, timed to the last byte; anything but a 200 stops the run. */
function timedGet(side: Side, s: Scenario): Promise<number> {
  const req = nextRequest(s);
  const failed = (why: string) => new Error(`side ${side.spec.label} (${side.spec.shown}): ${s.name}: ${req.method} ${req.path} ${why}`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const request = http.request(side.app.base + req.path, { method: req.method, headers: req.headers as http.OutgoingHttpHeaders, agent: side.agent, timeout: 30_000 }, (res) => {
      const kept: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (res.statusCode !== 200) kept.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        const ms = performance.now() - t0;
        if (res.statusCode === 200) return resolve(ms);
        const where = res.headers.location;
        reject(failed(`answered ${res.statusCode}${where ? ` → ${where}` : ""}: ${Buffer.concat(kept).toString("utf8").slice(0, 200)}`));
      });
    });
    request.on("timeout", () => request.destroy(failed("had no answer within 30 s")));
    request.on("error", (err) => reject(err.message.startsWith("side ") ? err : failed(`failed: ${err.message}`)));
    request.end();
  });
}

interface SideFigures {
  p50: number;
  p95: number;
  /** The server's CPU time (its process tree) over the recorded requests, per request. */
  cpuMsPerRequest: number;
  ms: number[];
}

interface GetResult {
  name: PairScenario;
  what: { a: string; b: string };
  path: { a: string; b: string };
  pairs: number;
  a: SideFigures;
  b: SideFigures;
  /** A's p50 over B's: above 1, A is slower. */
  aOverBP50: number;
  aOverBP95: number;
  /** The median of each pair's A over B. */
  medianPairAOverB: number;
  aFaster: number;
}

async function measureGet(name: PairScenario, a: Side, b: Side): Promise<GetResult> {
  const sa = a.scenarios.find((s) => s.name === name)!;
  const sb = b.scenarios.find((s) => s.name === name)!;
  const ms = { a: [] as number[], b: [] as number[] };
  let cpu0 = { a: new Map<number, number>(), b: new Map<number, number>() };
  for (let i = 0; i < flags.warmup + flags.n; i++) {
    if (i === flags.warmup) cpu0 = { a: cpuMs(a.pids), b: cpuMs(b.pids) };
    // Each pair in turns starting with either side.
    const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const k of order) {
      const t = await timedGet(k === "a" ? a : b, k === "a" ? sa : sb);
      if (i >= flags.warmup) ms[k].push(t);
    }
  }
  const cpu1 = { a: cpuMs(a.pids), b: cpuMs(b.pids) };
  const figures = (k: "a" | "b"): SideFigures => {
    const sorted = sortedOf(ms[k]);
    return { p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)), cpuMsPerRequest: round1(cpuSpent(cpu0[k], cpu1[k]) / flags.n), ms: ms[k].map(round1) };
  };
  const fa = figures("a");
  const fb = figures("b");
  return {
    name,
    what: { a: sa.what, b: sb.what },
    path: { a: sa.path, b: sb.path },
    pairs: flags.n,
    a: fa,
    b: fb,
    aOverBP50: round2(fa.p50 / fb.p50),
    aOverBP95: round2(fa.p95 / fb.p95),
    medianPairAOverB: round2(median(ms.a.map((x, i) => x / ms.b[i]!))),
    aFaster: ms.a.filter((x, i) => x < ms.b[i]!).length,
  };
}

interface PostRound {
  round: number;
  first: boolean;
  durationS: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
}

interface PostSide {
  rounds: PostRound[];
  /** 2xx answers (check-ins written) a second over all rounds. */
  rate: number;
  /** Over every answer of every round. */
  p50: number;
  p95: number;
  /** The median of the rounds' p95s. */
  p95MedianOfRounds: number;
  status: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface PostResult {
  name: "api-checkins-post";
  what: string;
  connections: number;
  rounds: number;
  secondsPerRound: number;
  a: PostSide;
  b: PostSide;
  /** A's rate over B's: below 1, A writes fewer a second. */
  aOverBRate: number;
  aOverBP50: number;
  aOverBP95: number;
}

async function measurePost(a: Side, b: Side): Promise<PostResult> {
  const sc = (side: Side) => side.scenarios.find((s) => s.name === "api-checkins-post")!;
  const all = { a: [] as number[], b: [] as number[] };
  const status = { a: {} as Record<string, number>, b: {} as Record<string, number> };
  const rounds = { a: [] as PostRound[], b: [] as PostRound[] };
  // Unrecorded: the pool's connections, the JIT.
  for (const side of [a, b]) await fire(side.app.base, sc(side), 1);
  for (let r = 0; r < flags.postRounds; r++) {
    const order = r % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const k of order) {
      const side = k === "a" ? a : b;
      const ms: number[] = [];
      let ok = 0;
      let non2xx = 0;
      const result = await fire(side.app.base, sc(side), flags.postSeconds, (code, t) => {
        ms.push(t);
        status[k][code] = (status[k][code] ?? 0) + 1;
        if (code >= 200 && code <= 299) ok++;
        else non2xx++;
      });
      all[k].push(...ms);
      const sorted = sortedOf(ms);
      rounds[k].push({ round: r + 1, first: k === order[0], durationS: result.duration, ok, non2xx, errors: result.errors, timeouts: result.timeouts, p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)) });
    }
  }
  const figures = (k: "a" | "b"): PostSide => {
    const rs = rounds[k];
    const sorted = sortedOf(all[k]);
    return {
      rounds: rs,
      rate: round1(rs.reduce((n, r) => n + r.ok, 0) / rs.reduce((n, r) => n + r.durationS, 0)),
      p50: round1(percentile(sorted, 50)),
      p95: round1(percentile(sorted, 95)),
      p95MedianOfRounds: round1(median(rs.map((r) => r.p95))),
      status: status[k],
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      timeouts: rs.reduce((n, r) => n + r.timeouts, 0),
    };
  };
  const fa = figures("a");
  const fb = figures("b");
  return {
    name: "api-checkins-post",
    what: sc(a).what,
    connections: POST_CONNECTIONS,
    rounds: flags.postRounds,
    secondsPerRound: flags.postSeconds,
    a: fa,
    b: fb,
    aOverBRate: round2(fa.rate / fb.rate),
    aOverBP50: round2(fa.p50 / fb.p50),
    aOverBP95: round2(fa.p95MedianOfRounds / fb.p95MedianOfRounds),
  };
}

// ---- the run -------------------------------------------------------------------------------------

async function main() {
  const specs = [flags.a, flags.b] as const;
  // The build refuses DATABASE_URL without a secret; both servers share this one (each signs in afresh).
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  for (const spec of specs) {
    const who = `bench:pair (${spec.label})`;
    if (spec.kind === "postgres") await vacuumWithoutAutovacuum(spec.url!, who);
    else await vacuumEmbedded(spec.pgliteDir!, who);
  }
  buildApp();

  const sides: Side[] = [];
  // Revokes the tokens (no working token left behind) and stops the servers, once.
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      for (const side of sides) await revokeTokens(side.app.base, side.tokens);
      for (const side of sides) side.agent.destroy();
      for (const side of sides) await side.app.kill("SIGTERM");
    })());
  // The servers run in process groups of their own, which an interrupt at the terminal does not reach.
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\nbench:pair: ${signal}: revoking the tokens and stopping the servers`);
    void stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    for (const [i, spec] of specs.entries()) {
      const port = flags.port + i;
      console.log(`bench:pair: starting ${spec.label} on port ${port} against ${spec.shown}`);
      const app = await startApp(port, sideEnv(spec));
      sides.push({ spec, app, pids: [], tokens: [], agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), scenarios: [] });
      const serverPid = app.serverPid();
      if (!serverPid) throw new Error(`side ${spec.label}: could not find the server process (scripts/server.mjs) under scripts/start.mjs`);
      sides.at(-1)!.pids = processTree(serverPid);
    }
    const [a, b] = sides as [Side, Side];
    for (const side of sides) {
      const inputs = await resolveInputs(side.app.base, { firm: flags.firm, tokenCount: flags.tokens, label: "bench:pair" }, side.tokens).catch((err: unknown) => {
        throw new Error(`side ${side.spec.label} (${side.spec.shown}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
      side.inputs = inputs;
      side.scenarios = buildScenarios(inputs, { connections: 1, postConnections: POST_CONNECTIONS, label: "bench:pair" });
      console.log(`${side.spec.label}: ${describeInputs(inputs)}`);
    }
    const ia = a.inputs!;
    const ib = b.inputs!;
    const differences = [
      ...(ia.visible.length !== ib.visible.length ? [`consultant 1 sees ${ia.visible.length} clients on A and ${ib.visible.length} on B`] : []),
      ...(ia.typical.checkInCount !== ib.typical.checkInCount ? [`the client page shows ${ia.typical.checkInCount} check-ins on A and ${ib.typical.checkInCount} on B`] : []),
    ];
    if (differences.length > 0) console.log(`bench:pair: note: the sides hold different data for firm ${flags.firm}: ${differences.join("; ")}`);

    const startedAt = new Date();
    console.log(`bench:pair: A = ${a.spec.shown}, B = ${b.spec.shown}; firm ${flags.firm}; ${flags.n} pairs after ${flags.warmup} unrecorded, one request at a time`);
    const gets: GetResult[] = [];
    for (const name of PAIR_SCENARIOS) {
      if (name === "api-checkins-post" || !flags.only.has(name)) continue;
      process.stdout.write(`  ${name.padEnd(18)} `);
      const r = await measureGet(name, a, b);
      const what = r.what.a === r.what.b ? r.what.a : `A: ${r.what.a}; B: ${r.what.b}`;
      console.log(
        `A p50 ${r.a.p50} ms, p95 ${r.a.p95} ms; B p50 ${r.b.p50} ms, p95 ${r.b.p95} ms; A over B p50 ${r.aOverBP50}, p95 ${r.aOverBP95}, median of pairs ${r.medianPairAOverB}; ` +
          `A faster in ${r.aFaster} of ${r.pairs}; server CPU ms per request A ${r.a.cpuMsPerRequest}, B ${r.b.cpuMsPerRequest} (${what})`,
      );
      gets.push(r);
    }
    let post: PostResult | null = null;
    if (flags.only.has("api-checkins-post")) {
      for (const side of sides) await probe(side.app.base, side.scenarios.find((s) => s.name === "api-checkins-post")!);
      process.stdout.write(`  ${"api-checkins-post".padEnd(18)} `);
      post = await measurePost(a, b);
      console.log(
        `A ${post.a.rate} check-ins/s, B ${post.b.rate}/s, A over B ${post.aOverBRate}; p50 A ${post.a.p50} ms, B ${post.b.p50} ms; p95 (median of rounds) A ${post.a.p95MedianOfRounds} ms, B ${post.b.p95MedianOfRounds} ms; ` +
          `non-2xx A ${post.a.non2xx}, B ${post.b.non2xx}; errors A ${post.a.errors}, B ${post.b.errors}`,
      );
    }

    const describe = (s: Side) => ({
      kind: s.spec.kind,
      database: s.spec.shown,
      consultantVisibleClients: s.inputs!.visible.length,
      apiPages: s.inputs!.pages,
      clientsPageCount: s.inputs!.listPages,
      clientPage: { checkIns: s.inputs!.typical.checkInCount },
    });
    const report = {
      kind: "bench:pair",
      startedAt: startedAt.toISOString(),
      commit: gitCommit(),
      // Uncommitted changes: the commit alone does not say what was measured.
      dirty: gitDirty(),
      machine: machineInfo(),
      options: { firm: flags.firm, n: flags.n, warmup: flags.warmup, postRounds: flags.postRounds, postSeconds: flags.postSeconds, postConnections: POST_CONNECTIONS, tokens: flags.tokens, only: [...flags.only] },
      a: describe(a),
      b: describe(b),
      scenarios: gets,
      post,
    };
    const dir = path.join(root, "bench-results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pair-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

    console.log(`\n### bench:pair, firm ${flags.firm}, ${startedAt.toISOString()}: A = ${a.spec.shown}, B = ${b.spec.shown}\n`);
    if (gets.length > 0) {
      console.log(`${flags.n} pairs after ${flags.warmup} unrecorded, one request at a time, in turns. "A over B": A's time divided by B's (above 1, A is slower).\n`);
      console.log("| scenario | A p50 ms | A p95 ms | B p50 ms | B p95 ms | A over B, p50 | pairs where A was faster |");
      console.log("|---|---:|---:|---:|---:|---:|---:|");
      for (const r of gets) console.log(`| ${r.name} | ${r.a.p50} | ${r.a.p95} | ${r.b.p50} | ${r.b.p95} | ${r.aOverBP50} | ${r.aFaster} of ${r.pairs} |`);
    }
    if (post) {
      console.log(`\n${post.what}: ${post.rounds} rounds of ${post.secondsPerRound} s on each side, in turns. Rate "A over B": A's check-ins a second divided by B's (below 1, A is slower).\n`);
      console.log("| | A | B | A over B |");
      console.log("|---|---:|---:|---:|");
      console.log(`| check-ins a second (2xx, all rounds) | ${post.a.rate} | ${post.b.rate} | ${post.aOverBRate} |`);
      console.log(`| p50 ms (every answer) | ${post.a.p50} | ${post.b.p50} | ${post.aOverBP50} |`);
      console.log(`| p95 ms (median of the rounds' p95) | ${post.a.p95MedianOfRounds} | ${post.b.p95MedianOfRounds} | ${post.aOverBP95} |`);
      console.log(`| non-2xx / socket errors | ${post.a.non2xx} / ${post.a.errors} | ${post.b.non2xx} / ${post.b.errors} | |`);
    }
    console.log(`\nJSON: ${path.relative(root, file)}`);
    if (post && (post.a.non2xx + post.a.errors + post.b.non2xx + post.b.errors > 0)) {
      const bad = (s: PostSide) => Object.entries(s.status).filter(([c]) => !c.startsWith("2")).map(([c, n]) => `${n}× ${c}`).join(", ") || "none";
      console.log(`Answers other than 2xx or socket errors in the POST: A ${bad(post.a)} (${post.a.errors} errors), B ${bad(post.b)} (${post.b.errors} errors)`);
      process.exitCode = 1;
    }
  } finally {
    await stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Set on SIGINT or SIGTERM: the run's own failure (a request to a stopped server) is then no news. */
let interrupted = false;

main().catch((err) => {
  if (interrupted) return;
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
