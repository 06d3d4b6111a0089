// `npx tsx scripts/multi-instance.ts`: two production servers on one PostgreSQL database, as
// several app instances behind a load balancer would be (docs/scaling.md). A browser's cookie
// from instance A works on instance B; what one instance writes the other reads; sign-out,
// sign-in throttling and the API rate limit hold across both, because all of it lives in the
// database. Both instances start at once on an empty database, so the migrations' advisory lock
// is exercised too. Instance B reads the portfolio through a read pool (DATABASE_READ_URL).
//
//   SCALE_ADMIN_URL  PostgreSQL itself, as a superuser (default postgres://postgres@127.0.0.1:5432/test):
//                    the scratch database is created, migrated, seeded and dropped there.
//   SCALE_APP_URL    what the instances log in through (default: SCALE_ADMIN_URL); e.g. PgBouncer
//                    as the app's role: postgres://stageline_app@127.0.0.1:6432/x (scripts/ci-scale-out.sh).
//   NEXT_DIST_DIR    the production build to serve (default .next, which npm test builds; built here
//                    only when missing, or when SCALE_BUILD=1 asks for a build of changed sources).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { loginOf, openDatabase, queryRows, type Database } from "../db";
import { sql } from "drizzle-orm";
import { DEMO_PASSWORD, seedDemo } from "../db/seed";
import { buildApp, cookieHeader as cookie, keepCookies as keep, root, signInJar as signIn, sleep, type CookieJar as Jar } from "./lib/app-process";

const LOCAL = /^postgres(ql)?:\/\/[^/]*@?(localhost|127\.0\.0\.1)(:\d+)?\//;
const adminUrl = process.env.SCALE_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/test";
const appUrl = process.env.SCALE_APP_URL || adminUrl;
const ports = { a: Number(process.env.SCALE_PORT_A || 3941), b: Number(process.env.SCALE_PORT_B || 3942) };
const secret = "multi-instance-secret-0000000000000000";
const dbName = `stageline_scale_${Date.now().toString(36)}_${process.pid}`;
const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${dbName}` }).toString();

for (const [name, url] of [["SCALE_ADMIN_URL", adminUrl], ["SCALE_APP_URL", appUrl]]) {
  if (!LOCAL.test(url)) fail(`${name} must be a local PostgreSQL URL (this drill creates and drops databases): ${url}`);
}

function fail(message: string): never {
  console.error(`[multi-instance] ${message}`);
  process.exit(1);
}

const results: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail = ""): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
}

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  log: string[];
}

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const log: string[] = [];
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", PORT: String(port), AUTH_SECRET: secret, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const s of [child.stdout!, child.stderr!]) s.on("data", (d: Buffer) => log.push(...d.toString().split("\n").filter(Boolean)));
  return { name, base: `http://127.0.0.1:${port}`, child, log };
}

async function healthy(i: Instance): Promise<void> {
  for (let n = 0; n < 1800; n++) {
    if (i.child.exitCode !== null) throw new Error(`instance ${i.name} exited (${i.child.exitCode}):\n${i.log.slice(-15).join("\n")}`);
    try {
      if ((await fetch(`${i.base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`instance ${i.name} did not become healthy within 180 s:\n${i.log.slice(-15).join("\n")}`);
}

async function stop(i: Instance): Promise<void> {
  if (i.child.exitCode !== null || !i.child.pid) return;
  i.child.kill("SIGTERM");
  for (let n = 0; n < 50 && i.child.exitCode === null; n++) await sleep(100);
  if (i.child.exitCode === null) i.child.kill("SIGKILL");
}

// A cookie jar per browser, sent by hand: cookies are not bound to a port, so a browser that
// signed in on A sends the same cookie to B; here the header says so explicitly.
const signedIn = (jar: Jar) => [...jar.keys()].some((k) => k.includes("session-token"));

async function signOut(base: string, jar: Jar): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookie(jar) } });
  keep(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(jar), origin: base },
    body: new URLSearchParams({ csrfToken }),
  });
  await res.arrayBuffer();
}

async function main(): Promise<void> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, dist, "BUILD_ID")) || process.env.SCALE_BUILD === "1") buildApp();

  // Logging in through PgBouncer as the app's role needs that role to have LOGIN (docs/scaling.md).
  // Made here if no migration has made it yet, as migration 0005 would, so both can run in any order.
  const appLogin = loginOf(appUrl);
  if (appLogin === "stageline_app") {
    await admin(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stageline_app') THEN CREATE ROLE stageline_app NOLOGIN NOBYPASSRLS; END IF;
    END $$`);
    await admin("ALTER ROLE stageline_app LOGIN");
  }
  await admin(`create database ${dbName}`);
  const started = Date.now();
  const instances: Instance[] = [];
  let owner: Database | null = null;
  try {
    // Both at once, on an empty database: the advisory lock (over DATABASE_DIRECT_URL) lets one migrate.
    const common = { DATABASE_URL: withDb(appUrl), DATABASE_DIRECT_URL: withDb(adminUrl) };
    const a = startInstance("A", ports.a, common);
    // B also reads the portfolio and exports through a second pool (the same server stands in for a replica).
    const b = startInstance("B", ports.b, { ...common, DATABASE_READ_URL: withDb(adminUrl) });
    instances.push(a, b);
    await Promise.all([healthy(a), healthy(b)]);
    console.log(`[multi-instance] A ${a.base} and B ${b.base} up in ${((Date.now() - started) / 1000).toFixed(1)} s, database ${dbName} through ${new URL(appUrl).host} as ${appLogin}`);

    owner = await openDatabase({ url: withDb(adminUrl) });
    const journal = JSON.parse(readFileSync(path.join(root, "db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const [m] = await queryRows<{ n: number }>(owner.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    check("two instances starting at once apply each migration once", m!.n === journal.entries.length, `${m!.n} of ${journal.entries.length}`);
    await seedDemo(owner.db);

    // 1. Signed in on A, acting on B: the session is a row in the database, not in A's memory.
    const consultant = await signIn(a.base, "consultant@example.com", DEMO_PASSWORD);
    check("signs in on A", signedIn(consultant.jar));
    const list = await fetch(`${b.base}/api/v1/clients?limit=1`, { headers: { cookie: cookie(consultant.jar) } });
    const clientId = ((await list.json()) as { data: { id: string }[] }).data?.[0]?.id;
    check("A's cookie lists the consultant's clients on B", list.status === 200 && !!clientId, `status ${list.status}`);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const saved = await fetch(`${b.base}/api/v1/clients/${clientId}/checkins`, {
      method: "POST",
      headers: { cookie: cookie(consultant.jar), origin: b.base, "content-type": "application/json", "idempotency-key": `multi-${dbName}` },
      body: JSON.stringify({ date: day, accounts: ["facebook", "blog"], posts_last_30d: 9, rhythm: "scheduled", replies: "consistent", results: "some", notes: `saved on B ${dbName}` }),
    });
    await saved.arrayBuffer();
    check("A's cookie saves a check-in on B", saved.status === 201, `status ${saved.status}`);
    const seen = await fetch(`${a.base}/api/v1/clients/${clientId}/checkins?limit=100`, { headers: { cookie: cookie(consultant.jar) } });
    const seenText = await seen.text();
    check("A reads the check-in B wrote", seen.status === 200 && seenText.includes(`saved on B ${dbName}`), `status ${seen.status}`);

    // 2. Signing out on B ends the session for A too (a copy of the cookie kept from before).
    const stale = new Map(consultant.jar);
    await signOut(b.base, consultant.jar);
    const afterSignOut = await fetch(`${a.base}/api/v1/clients?limit=1`, { headers: { cookie: cookie(stale) } });
    check("a session signed out on B no longer works on A", afterSignOut.status === 401, `status ${afterSignOut.status}`);

    // 3. The read path on B: the portfolio through the read pool, saying how fresh it is. Only read
    // routes' transactions run on that pool (its probe runs outside any), so a read-pool
    // connection whose latest statement is a COMMIT after t0 shows one ran there.
    const manager = await signIn(a.base, "manager@example.com", DEMO_PASSWORD);
    const readPoolCommits = async (since: Date) =>
      (
        await queryRows<{ n: number }>(
          owner!.db,
          sql`select count(*)::int as n from pg_stat_activity where datname = ${dbName} and application_name = 'stageline-read'
              and lower(query) like 'commit%' and query_start >= ${since.toISOString()}::timestamptz`,
        )
      )[0]!.n;
    const [{ t0 }] = await queryRows<{ t0: Date }>(owner.db, sql`select clock_timestamp() as t0`);
    const pB = await fetch(`${b.base}/api/v1/portfolio`, { headers: { cookie: cookie(manager.jar) } });
    const asOf = pB.headers.get("x-data-as-of");
    const pA = await fetch(`${a.base}/api/v1/portfolio`, { headers: { cookie: cookie(manager.jar) } });
    const [bodyA, bodyB] = [(await pA.json()) as { totalClients?: number }, (await pB.json()) as { totalClients?: number }];
    const commitsApi = await readPoolCommits(new Date(t0));
    check(
      "B answers GET /api/v1/portfolio from its read pool, with X-Data-As-Of, the same as A",
      pB.status === 200 && commitsApi > 0 && !!asOf && Math.abs(Date.parse(asOf) - Date.now()) < 120_000 && bodyA.totalClients === bodyB.totalClients,
      `status ${pB.status}, read-pool transactions ${commitsApi}, as of ${asOf}, ${bodyB.totalClients} clients`,
    );
    const [{ t1 }] = await queryRows<{ t1: Date }>(owner.db, sql`select clock_timestamp() as t1`);
    const page = await fetch(`${b.base}/portfolio`, { headers: { cookie: cookie(manager.jar) } });
    const rendered = page.status === 200 && (await page.text()).includes('data-testid="distribution-counts"');
    const commitsPage = await readPoolCommits(new Date(t1));
    check("B renders the portfolio page from its read pool", rendered && commitsPage > 0, `status ${page.status}, read-pool transactions ${commitsPage}`);

    // 4. Sign-in throttling: ten wrong passwords on A lock the account on B as well.
    const victim = "consultant2@example.com";
    for (let n = 0; n < 10; n++) await signIn(n % 2 === 0 ? a.base : b.base, victim, "wrong-password");
    const locked = await signIn(b.base, victim, DEMO_PASSWORD);
    check("10 failures (half on A, half on B) lock the account on B", !signedIn(locked.jar) && /code=locked/.test(locked.location), locked.location);
    const lockedA = await signIn(a.base, victim, DEMO_PASSWORD);
    check("... and on A", !signedIn(lockedA.jar) && /code=locked/.test(lockedA.location), lockedA.location);

    // 5. The API rate limit (300 unauthenticated requests a minute from one address) counts both.
    const limit = 300;
    for (let attempt = 1; ; attempt++) {
      // Start early in a fixed window, so it does not roll over mid-count.
      if (60_000 - (Date.now() % 60_000) < 40_000) await sleep(60_000 - (Date.now() % 60_000) + 200);
      const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const [prior] = await queryRows<{ n: number }>(
        owner.db,
        sql`select coalesce(max(count), 0)::int as n from rate_limits where key like 'ip:%' and window_start = ${windowStart.toISOString()}::timestamptz`,
      );
      const served = { A: 0, B: 0 };
      let first429 = 0;
      // In pairs, one request to each instance at a time, until one is refused.
      for (let n = 1; n <= limit + 4 && !first429; n += 2) {
        const [ra, rb] = await Promise.all([fetch(`${a.base}/api/v1/clients`), fetch(`${b.base}/api/v1/clients`)]);
        await Promise.all([ra.arrayBuffer(), rb.arrayBuffer()]);
        if (ra.status !== 429) served.A++;
        if (rb.status !== 429) served.B++;
        if (ra.status === 429 || rb.status === 429) first429 = n + (ra.status === 429 && rb.status === 429 ? 0 : 1);
      }
      if (Math.floor(Date.now() / 60_000) * 60_000 !== windowStart.getTime() && attempt < 3) continue; // rolled over: again
      const [lastA, lastB] = await Promise.all([fetch(`${a.base}/api/v1/clients`), fetch(`${b.base}/api/v1/clients`)]);
      const expected = limit - prior!.n + 1;
      check(
        `the rate limit counts A's and B's requests together: request ${limit + 1} of the window is refused, neither instance having seen ${limit}`,
        Math.abs(first429 - expected) <= 1 && served.A < limit && served.B < limit && lastA.status === 429 && lastB.status === 429,
        `${prior!.n} earlier in the window; first 429 at request ${first429} (expected ${expected}); A served ${served.A}, B ${served.B}; then A ${lastA.status}, B ${lastB.status}`,
      );
      break;
    }
  } finally {
    await owner?.close();
    await Promise.all(instances.map(stop));
    await admin(`drop database if exists ${dbName} with (force)`).catch((err) => console.error(`[multi-instance] could not drop ${dbName}: ${err.message}`));
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`[multi-instance] ${results.length - failed.length}/${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed.length > 0) {
    for (const i of instances) console.log(`--- last lines of instance ${i.name}\n${i.log.slice(-20).join("\n")}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
