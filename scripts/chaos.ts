// `npm run chaos -- --seconds N [--db postgres|pglite]`: a crash drill on this machine.
// It seeds a fresh database, starts the production server, and lets 20 writers create check-ins
// through the API, each request with its own Idempotency-Key and retried with the same key until
// it is acknowledged. Mid-run it restarts PostgreSQL (postgres only), then kills the app with
// SIGKILL and starts it again. At the end it checks that every acknowledged check-in is stored
// exactly once, that each has its audit row, and that every stored stage history equals a
// recomputation (the db:check rules).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../db";
import { migrateDatabase } from "../db/migrate";
import { resetDatabase, seedDemo } from "../db/seed";
import { checkConsistency } from "../db/queries/consistency";
import { createToken } from "../db/queries/tokens";
import { actorForUser, findUserByEmail } from "../db/queries/users";
import { clientScope } from "../db/queries/scope";
import { clients } from "../db/schema";
import { isoDay } from "../lib/checkin-format";
import { buildApp, root, sleep, startApp, type AppProcess } from "./lib/app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(arg("seconds") ?? 60);
const kind = (arg("db") ?? (process.env.DATABASE_URL ? "postgres" : "pglite")) as "postgres" | "pglite";
const WRITERS = Number(arg("writers") ?? 20);
const PORT = Number(arg("port") ?? 3950);
const BASE = `http://127.0.0.1:${PORT}`;
const PGLITE_DIR = path.join(root, ".data/chaos/pglite");

if (!Number.isFinite(seconds) || seconds < 10 || seconds > 3600) fail("--seconds must be from 10 to 3600");
if (kind !== "postgres" && kind !== "pglite") fail("--db must be postgres or pglite");
const url = process.env.DATABASE_URL;
if (kind === "postgres") {
  if (!url) fail("--db postgres needs DATABASE_URL (a local PostgreSQL server) and AUTH_SECRET");
  if (!/^postgres(ql)?:\/\/[^/]*@?(localhost|127\.0\.0\.1)(:\d+)?\//.test(url!)) fail("refusing a non-local DATABASE_URL: the drill restarts the server");
  if (!process.env.AUTH_SECRET) fail("set AUTH_SECRET");
}

function fail(message: string): never {
  console.error(`chaos: ${message}`);
  process.exit(2);
}
const log = (m: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function open(): Promise<Database> {
  return kind === "postgres" ? openDatabase({ url }) : openDatabase({ pgliteDir: PGLITE_DIR, purpose: "npm run chaos" });
}

/** A fresh demo firm, one API token per writer, and the clients they write to. */
async function prepare(): Promise<{ tokens: string[]; clientIds: string[]; keyPrefix: string }> {
  if (kind === "pglite") rmSync(path.dirname(PGLITE_DIR), { recursive: true, force: true });
  const database = await open();
  try {
    await migrateDatabase(database);
    await resetDatabase(database.db);
    await seedDemo(database.db);
    const u = await findUserByEmail(database.db, "manager@example.com");
    const manager = await actorForUser(database.db, u!.id, u!.sessionVersion);
    const tokens: string[] = [];
    for (let i = 0; i < WRITERS; i++) tokens.push((await createToken(database.db, manager!, { name: `chaos ${i}`, expiresInDays: 1 })).token);
    const rows = await database.db.select({ id: clients.id }).from(clients).where(clientScope(manager!)).limit(40);
    return { tokens, clientIds: rows.map((r) => r.id), keyPrefix: `${manager!.id}:` };
  } finally {
    await database.close();
  }
}

let app: AppProcess | null = null;
async function startChaosApp(): Promise<void> {
  app = await startApp(PORT, kind === "pglite" ? { DATABASE_URL: "", PGLITE_DIR } : {});
}
async function killApp(signal: NodeJS.Signals): Promise<void> {
  const running = app;
  app = null;
  await running?.kill(signal);
}

function restartPostgres(): void {
  const version = spawnSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version!, "main", "restart"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`could not restart PostgreSQL: ${r.stderr}`);
}

const RHYTHMS = ["none", "sporadic", "scheduled"];
const LEVELS = ["none", "some", "consistent"];
const RESULTS = ["none", "some", "clear"];

function record(n: number) {
  const day = new Date(Date.now() - (1 + (n % 300)) * 86_400_000);
  return {
    date: isoDay(day),
    accounts: ["facebook", "instagram"],
    posts_last_30d: n % 40,
    rhythm: RHYTHMS[n % 3],
    replies: LEVELS[(n >> 1) % 3],
    results: RESULTS[(n >> 2) % 3],
    tools: n % 2 ? ["scheduling"] : [],
    notes: `chaos ${n}`,
  };
}

interface Tally {
  acknowledged: Map<string, string>; // idempotency key -> check-in id
  attempts: number;
  errors: number;
  /** Why requests failed: HTTP status or the network error's kind. */
  causes: Map<string, number>;
}

function count(tally: Tally, cause: string): void {
  tally.errors++;
  tally.causes.set(cause, (tally.causes.get(cause) ?? 0) + 1);
}

async function writer(i: number, token: string, clientIds: string[], until: number, tally: Tally): Promise<void> {
  for (let n = 0; Date.now() < until; n++) {
    const key = `chaos-${i}-${n}`;
    const clientId = clientIds[(i * 7 + n) % clientIds.length]!;
    const body = JSON.stringify(record(i * 100_000 + n));
    // Retry with the same key until acknowledged; give up only long after the run's end.
    for (let attempt = 0; Date.now() < until + 90_000; attempt++) {
      tally.attempts++;
      try {
        const res = await fetch(`${BASE}/api/v1/clients/${clientId}/checkins`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status === 201) {
          const json = (await res.json()) as { checkIn: { id: string } };
          tally.acknowledged.set(key, json.checkIn.id);
          break;
        }
        count(tally, String(res.status));
        if (res.status < 500 && res.status !== 429) throw new Error(`writer ${i}: unexpected ${res.status} ${await res.text()}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith(`writer ${i}:`)) throw err;
        count(tally, err instanceof Error ? err.name : "error");
      }
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
    }
  }
}

async function main() {
  log(`${kind}: ${seconds} s, ${WRITERS} writers`);
  buildApp();
  const { tokens, clientIds, keyPrefix } = await prepare();
  await startChaosApp();
  log("app is up; writers start");

  const started = Date.now();
  const until = started + seconds * 1000;
  const tally: Tally = { acknowledged: new Map(), attempts: 0, errors: 0, causes: new Map() };
  const writers = tokens.map((t, i) => writer(i, t, clientIds, until, tally));

  const chaos = (async () => {
    if (kind === "postgres") {
      await sleep(seconds * 1000 * 0.33);
      log(`restarting PostgreSQL (acknowledged so far: ${tally.acknowledged.size})`);
      restartPostgres();
    }
    await sleep(seconds * 1000 * (kind === "postgres" ? 0.33 : 0.5));
    log(`SIGKILL to the app (acknowledged so far: ${tally.acknowledged.size})`);
    await killApp("SIGKILL");
    await startChaosApp();
    log("app restarted");
  })();

  await Promise.all([...writers, chaos]);
  await killApp("SIGTERM");
  log(`writers done: ${tally.attempts} requests, ${tally.errors} failed and retried (${[...tally.causes].map(([c, n]) => `${c}: ${n}`).join(", ") || "none"})`);

  const database = await open();
  try {
    const rows = await queryRows<{ key: string; id: string }>(
      database.db,
      sql`select idempotency_key as key, id from check_ins where idempotency_key like ${keyPrefix + "chaos-%"}`,
    );
    const stored = new Map<string, string[]>();
    for (const r of rows) stored.set(r.key.slice(keyPrefix.length), [...(stored.get(r.key.slice(keyPrefix.length)) ?? []), r.id]);
    let missing = 0;
    let wrong = 0;
    for (const [key, id] of tally.acknowledged) {
      const ids = stored.get(key);
      if (!ids) missing++;
      else if (ids.length !== 1 || ids[0] !== id) wrong++;
    }
    const duplicates = [...stored.values()].filter((ids) => ids.length > 1).length;
    const storedAcknowledged = [...tally.acknowledged.keys()].filter((k) => stored.has(k)).length;
    const findings = await checkConsistency(database.db);
    const mismatches = findings.find((f) => f.rule === "stage history, spells or status differ from a recomputation")!.count;
    const other = findings.filter((f) => f.count > 0 && f.rule !== "stage history, spells or status differ from a recomputation");
    for (const f of other) console.log(`FAIL ${f.rule}: ${f.count} (e.g. ${f.examples.join(", ")})`);
    console.log(
      `acknowledged ${tally.acknowledged.size}, stored ${storedAcknowledged}, duplicates ${duplicates}, history mismatches ${mismatches}` +
        (missing || wrong ? ` (missing ${missing}, different id ${wrong})` : "") +
        ` · unacknowledged but stored ${rows.length - storedAcknowledged}`,
    );
    const ok = tally.acknowledged.size > 0 && missing === 0 && wrong === 0 && duplicates === 0 && mismatches === 0 && other.length === 0;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch(async (err) => {
  await killApp("SIGKILL");
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
