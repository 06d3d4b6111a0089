// What `npm run bench:http` and `npm run bench:pair` share: the vacuum before the server starts,
// the scenario inputs read from a running server (sign-ins, a pool of API tokens, consultant 1's
// clients walked through the API, the typical client, the last page's cursor), the scenarios
// themselves (names, paths, headers, the POST check-in body), one request as a scenario sends it,
// an autocannon burst, and the commit and machine a report names. Kept here so the two scripts
// measure the same requests.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { sql } from "drizzle-orm";
import { root, signIn as signInAs } from "./app-process";
import { BENCH_PASSWORD, clientUserEmail, consultantEmail, managerEmail } from "./bench-common";
import { isoDay } from "../../lib/validation/primitives";

export const SCENARIOS = ["health", "settings", "portfolio", "clients-p1", "clients-p100", "client-page", "progress", "api-clients-first", "api-clients-late", "api-checkins-post", "health-end"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

// ---- talking to the server --------------------------------------------------------------------

/** Signs in as one of the seed's users. */
export const signIn = (base: string, email: string) => signInAs(base, email, BENCH_PASSWORD);

export async function getJson<T>(base: string, pathname: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(base + pathname, { headers });
  if (!res.ok) throw new Error(`GET ${pathname}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

export interface ApiClient {
  id: string;
  name: string;
  checkInCount: number;
  archived: boolean;
}

export interface ApiToken {
  id: string;
  token: string;
}

/** What the scenarios need from one server's database: its ids differ from another's. */
export interface ScenarioInputs {
  /** Cookie headers of the firm's manager, consultant 1 and client user 1. */
  manager: string;
  consultant: string;
  clientUser: string;
  /** Names this run's tokens and idempotency keys. */
  runId: string;
  /** The next token of the pool, as an Authorization header. */
  bearer: () => string;
  /** Consultant 1's clients, as the API lists them. */
  visible: ApiClient[];
  /** Its active clients with check-ins (the POST spreads over them). */
  active: ApiClient[];
  /** The one with the median check-in count (the client page). */
  typical: ApiClient;
  /** How many API pages, and the cursor of the last. */
  pages: number;
  lastPageCursor: string | null;
  /** Pages of 50 on /clients. */
  listPages: number;
}

/**
 * Signs in as firm `firm`'s manager, consultant 1 and client user 1, makes `tokenCount` API tokens
 * of consultant 1 (a token acts as its owner; a pool, so no token passes its rate limit: 600 a
 * minute), pushed into `tokens` as they are made so the caller can revoke them whatever happens,
 * and walks consultant 1's clients through the API once: their ids, and the cursor of the last page.
 */
export async function resolveInputs(base: string, opts: { firm: number; tokenCount: number; label: string }, tokens: ApiToken[]): Promise<ScenarioInputs> {
  const manager = await signIn(base, managerEmail(opts.firm));
  const consultant = await signIn(base, consultantEmail(opts.firm, 1));
  const clientUser = await signIn(base, clientUserEmail(opts.firm, 1));

  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const pool: ApiToken[] = [];
  for (let i = 0; i < opts.tokenCount; i++) {
    const res = await fetch(`${base}/api/v1/tokens`, {
      method: "POST",
      headers: { cookie: consultant, origin: base, "content-type": "application/json" },
      body: JSON.stringify({ name: `${opts.label} ${runId} #${i + 1}`, expiresInDays: 1 }),
    });
    if (res.status !== 201) throw new Error(`POST /api/v1/tokens: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as ApiToken;
    tokens.push({ id: body.id, token: body.token });
    pool.push({ id: body.id, token: body.token });
  }
  let tokenTurn = 0;
  const bearer = () => `Bearer ${pool[tokenTurn++ % pool.length]!.token}`;

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
  if (active.length === 0) throw new Error(`${consultantEmail(opts.firm, 1)} sees no client with check-ins: run \`npm run bench:seed\` first`);
  // The client page of a client with a typical history (the median check-in count).
  const byCount = [...active].sort((a, b) => a.checkInCount - b.checkInCount);
  const typical = byCount[Math.floor(byCount.length / 2)]!;
  const listPages = Math.max(1, Math.ceil(visible.filter((c) => !c.archived).length / 50));
  return { manager, consultant, clientUser, runId, bearer, visible, active, typical, pages, lastPageCursor, listPages };
}

/** One line on what the inputs are: how many clients, pages, and the client page's history. */
export function describeInputs(i: ScenarioInputs): string {
  return (
    `consultant 1 sees ${i.visible.length.toLocaleString("en")} clients over ${i.pages} API pages; /clients has ~${i.listPages} pages of 50` +
    `${i.listPages < 100 ? ` (page 100 shows the last page: seed more clients for a real page 100)` : ""}; client page: ${i.typical.name} (${i.typical.checkInCount} check-ins)`
  );
}

/** Leaves no working tokens behind (each revokes itself). */
export async function revokeTokens(base: string, tokens: ApiToken[]): Promise<void> {
  for (const t of tokens) {
    await fetch(`${base}/api/v1/tokens/${t.id}`, { method: "DELETE", headers: { authorization: `Bearer ${t.token}` } }).catch(() => {});
  }
}

// ---- the scenarios -------------------------------------------------------------------------------

export interface Scenario {
  name: ScenarioName;
  what: string;
  connections: number;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Per request (tokens, idempotency keys, a different client each time). */
  setup?: (req: autocannon.Request) => autocannon.Request;
}

/**
 * Every scenario, in the order bench:http runs them, against one server's inputs. GETs at
 * `connections`, the POST at `postConnections`; `label` goes in the check-ins' notes. The POST
 * adds real check-ins (dated today), spread over the active clients, a new Idempotency-Key each.
 */
export function buildScenarios(i: ScenarioInputs, opts: { connections: number; postConnections: number; label: string }): Scenario[] {
  const { bearer } = i;
  const today = isoDay();
  let postTurn = 0;
  const checkInBody = (k: number) =>
    JSON.stringify({
      date: today, accounts: ["facebook", "instagram"], posts_last_30d: 12 + (k % 9), rhythm: "scheduled", automated_share: 0.1,
      replies: "consistent", promotion: "light", results: "some", tools: ["scheduling"], mention_response_hours: 12, advocacy: "none",
      attitude: "comfortable", followers: 400 + (k % 300), notes: `${opts.label} check-in`,
    });
  const c = opts.connections;
  return [
    { name: "health", what: "GET /api/health (the floor)", connections: c, path: "/api/health" },
    // The lightest signed-in page (two small forms): what every page pays for the session, the
    // shell and the framework, before its own data.
    { name: "settings", what: "GET /settings as consultant 1 (a light signed-in page)", connections: c, path: "/settings", headers: { cookie: i.consultant } },
    { name: "portfolio", what: "GET /portfolio as the manager", connections: c, path: "/portfolio", headers: { cookie: i.manager } },
    { name: "clients-p1", what: "GET /clients as consultant 1", connections: c, path: "/clients", headers: { cookie: i.consultant } },
    { name: "clients-p100", what: `GET /clients?page=100 as consultant 1${i.listPages < 100 ? ` (= page ${i.listPages}, the last)` : ""}`, connections: c, path: "/clients?page=100", headers: { cookie: i.consultant } },
    { name: "client-page", what: `GET /clients/{id} (${i.typical.checkInCount} check-ins)`, connections: c, path: `/clients/${i.typical.id}`, headers: { cookie: i.consultant } },
    { name: "progress", what: "GET /progress as a client user", connections: c, path: "/progress", headers: { cookie: i.clientUser } },
    {
      name: "api-clients-first", what: "GET /api/v1/clients, first page (50)", connections: c, path: "/api/v1/clients",
      setup: (req) => ({ ...req, headers: { ...req.headers, authorization: bearer() } }),
    },
    {
      name: "api-clients-late", what: `GET /api/v1/clients, last page (page ${i.pages}, keyset cursor)`, connections: c,
      path: `/api/v1/clients${i.lastPageCursor ? `?cursor=${encodeURIComponent(i.lastPageCursor)}` : ""}`,
      setup: (req) => ({ ...req, headers: { ...req.headers, authorization: bearer() } }),
    },
    {
      name: "api-checkins-post", what: `POST /api/v1/clients/{id}/checkins, ${opts.postConnections} concurrent, a new Idempotency-Key each`, connections: opts.postConnections,
      method: "POST", path: "/api/v1/clients/x/checkins",
      setup: (req) => {
        const k = postTurn++;
        const client = i.active[(k * 7919) % i.active.length]!;
        return {
          ...req,
          path: `/api/v1/clients/${client.id}/checkins`,
          headers: { ...req.headers, authorization: bearer(), "content-type": "application/json", "idempotency-key": `bench-${i.runId}-${k}` },
          body: checkInBody(k),
        };
      },
    },
    { name: "health-end", what: "GET /api/health again, after the rest", connections: c, path: "/api/health" },
  ];
}

/** The next request as the scenario would send it (its setup applied: a token, a key, a client). */
export function nextRequest(s: Scenario): autocannon.Request {
  const first: autocannon.Request = { method: s.method ?? "GET", path: s.path, headers: { ...s.headers } };
  return s.setup ? s.setup(first) : first;
}

/** One request as the scenario would send it: it must be a 2xx, or the numbers would be about an error page. */
export async function probe(base: string, s: Scenario): Promise<void> {
  const req = nextRequest(s);
  const res = await fetch(base + req.path, { method: req.method, headers: req.headers as Record<string, string>, body: req.body as string | undefined, redirect: "manual" });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${s.name}: ${req.method} ${req.path} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}: ${text.slice(0, 200)}`);
}

/** The scenario for `seconds` through autocannon; `onResponse` sees each answer's status and time. */
export async function fire(base: string, s: Scenario, seconds: number, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
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

export const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

// ---- before the server starts --------------------------------------------------------------------

/** The tables the app writes while it serves (the POST scenario, sign-ins, tokens, rate limits). */
const WRITTEN_TABLES = ["check_ins", "stage_assessments", "stage_spells", "client_status", "audit_log", "rate_limits", "api_tokens", "user_sessions"];

/** VACUUM (ANALYZE) each written table through `exec`, and say (as `who`) why and how long it took. */
async function vacuumWritten(exec: (statement: string) => Promise<unknown>, why: string, who: string): Promise<void> {
  const t = performance.now();
  for (const table of WRITTEN_TABLES) await exec(`vacuum (analyze) ${table}`);
  console.log(`${who}: ${why}: vacuumed and analyzed ${WRITTEN_TABLES.join(", ")} first (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

/**
 * A server with autovacuum off (this machine's PostgreSQL has `autovacuum = off` in
 * conf.d/90-ci.conf) never clears the dead rows that every run's writers leave: 14,000 check-ins
 * left stage_spells 36% dead, and the portfolio's statements took 120 ms instead of 71 (explain-plans). A
 * production server runs autovacuum; so that runs compare with each other and with it, this
 * vacuums and analyzes the written tables first, and says so.
 */
export async function vacuumWithoutAutovacuum(url: string, who: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ autovacuum: string }>("show autovacuum");
    if (rows[0]?.autovacuum === "on") return;
    await vacuumWritten((q) => client.query(q), "autovacuum is off on this server", who);
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
export async function vacuumEmbedded(dir: string, who: string): Promise<void> {
  const { openDatabase } = await import("../../db");
  const database = await openDatabase({ pgliteDir: dir, purpose: `${who} (vacuuming first)` });
  try {
    await vacuumWritten((q) => database.db.execute(sql.raw(q)), "the embedded database has no autovacuum", who);
  } finally {
    await database.close();
  }
}

// ---- what a report names -------------------------------------------------------------------------

export function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

/** Uncommitted changes: the commit alone does not say what was measured. */
export function gitDirty(): boolean | null {
  try {
    // GIT_OPTIONAL_LOCKS=0: read only, without refreshing the index (someone may be committing).
    return execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8", env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } }).trim() !== "";
  } catch {
    return null;
  }
}

export function machineInfo() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGb: Math.round(os.totalmem() / 2 ** 30), loadAvgAtStart: os.loadavg(), node: process.version };
}
