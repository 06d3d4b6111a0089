// npm run bench:export [-- --rows 500000] [-- --mode stream|string] [-- --format csv|json]
// Server memory while a firm of `rows` check-ins (100 per client) is exported through the API's
// export handler into a reader that throws the bytes away: RSS and heap before, at their peak
// during the export, and after. `--mode string` measures the old way for comparison (one query,
// every record in memory, one string). Runs on a throwaway database: embedded PGlite in memory,
// or, with BENCH_DATABASE_URL (or DATABASE_URL), a new database on that PostgreSQL server,
// dropped afterwards.
import { randomBytes } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { parseArgs } from "node:util";
import pg from "pg";
import { and, asc, eq, sql } from "drizzle-orm";
import { openDatabase, type Database } from "../db";
import { migrateDatabase } from "../db/migrate";
import { assignments, checkIns, clients, firms, users } from "../db/schema";
import { fieldsOf } from "../db/queries/checkins";
import { clientScope } from "../db/queries/scope";
import { createToken } from "../db/queries/tokens";
import { exportEndpoint } from "../lib/api/handlers/transfer";
import { actorFromUser, type Actor } from "../lib/auth/permissions";
import { serializeCsv, serializeJson, type CheckInRecord } from "../lib/checkin-format";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "500000" },
    mode: { type: "string", default: "stream" },
    format: { type: "string", default: "csv" },
  },
});
const ROWS = Number(args.rows);
const MODE = args.mode;
const FORMAT = args.format;
if (!Number.isInteger(ROWS) || ROWS < 100) throw new Error("--rows: a whole number, at least 100");
if (MODE !== "stream" && MODE !== "string") throw new Error("--mode: stream or string");
if (FORMAT !== "csv" && FORMAT !== "json") throw new Error("--format: csv or json");
const PER_CLIENT = 100;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const mb = (n: number) => Math.round(n / 1e5) / 10;

async function openThrowaway(): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ pgliteDir: "memory://" });
    return { database, label: "PGlite (in memory, in this process)", drop: async () => {} };
  }
  const name = `stageline_bench_export_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    database,
    label: `PostgreSQL (${u.host}, throwaway database ${name})`,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** The old export, for --mode string: one query, every record, then one string. */
async function oldExport(database: Database, actor: Actor): Promise<string> {
  const rows = await database.db
    .select({ client: clients.name, c: checkIns })
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .where(and(clientScope(actor)))
    .orderBy(sql`lower(${clients.name})`, asc(clients.id), asc(checkIns.date), asc(checkIns.createdAt), asc(checkIns.id));
  const records: CheckInRecord[] = rows.map((r) => ({ client: r.client, ...fieldsOf(r.c) }));
  return FORMAT === "csv" ? serializeCsv(records) : serializeJson(records);
}

async function main(): Promise<void> {
  const { database, label, drop } = await openThrowaway();
  try {
    await migrateDatabase(database);
    const db = database.db;
    const [firm] = await db.insert(firms).values({ name: "Export bench firm" }).returning();
    const [lead] = await db.insert(users).values({ firmId: firm!.id, email: "lead@bench.test", name: "Lead", role: "consultant" }).returning();
    const [boss] = await db.insert(users).values({ firmId: firm!.id, email: "boss@bench.test", name: "Boss", role: "manager" }).returning();
    const manager = actorFromUser(boss!, "UTC");
    const nClients = Math.ceil(ROWS / PER_CLIENT);
    const t0 = performance.now();
    // Realistic rows (about 140 bytes of CSV each), written by the database itself, 1,000 clients at a time.
    for (let from = 1; from <= nClients; from += 1000) {
      const to = Math.min(nClients, from + 999);
      await db.execute(sql`
        with c as (
          insert into ${clients} (firm_id, name) select ${firm!.id}::uuid, 'Bench client ' || lpad(g::text, 7, '0') from generate_series(${from}::int, ${to}::int) g returning id
        ), a as (
          insert into ${assignments} (client_id, consultant_id) select id, ${lead!.id}::uuid from c returning client_id
        )
        insert into ${checkIns} (client_id, author_id, date, consultant, accounts, posts_last_30d, rhythm, automated_share, replies, promotion, results, tools, advocacy, attitude, followers, notes)
        select a.client_id, ${lead!.id}::uuid, date '2020-01-01' + i * 7, 'lead@bench.test', '{facebook,instagram,blog}', i % 60,
               (array['none','sporadic','scheduled'])[1 + i % 3]::rhythm, 0.25, 'some', 'light', 'some', '{scheduling,analytics}',
               'none', 'hopeful', 100 + i, case when i % 4 = 0 then 'Asked about "stories", will try' else null end
        from a, generate_series(1, ${PER_CLIENT}) i`);
    }
    await db.execute(sql`analyze`);
    const seeded = (performance.now() - t0) / 1000;
    const { token } = await createToken(db, manager, { name: "bench", expiresInDays: 1 });

    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const timer = setInterval(sample, 10);
    const t1 = performance.now();
    let bytes = 0;
    let firstByte = 0;
    // RSS as the rows go by (one record a line in both formats): flat means the same at every mark.
    let lines = 0;
    const step = Math.max(1, Math.floor(ROWS / 5));
    let nextMark = step;
    const marks: string[] = [];
    const sink = (chunk: Uint8Array) => {
      if (bytes === 0) firstByte = performance.now() - t1;
      bytes += chunk.byteLength; // and then thrown away
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      sample();
      while (lines >= nextMark && nextMark <= ROWS) {
        marks.push(`${(nextMark / 1000).toFixed(0)}k rows: ${mb(process.memoryUsage().rss - before.rss)} MB`);
        nextMark += step;
      }
    };
    if (MODE === "stream") {
      const req = new Request(`http://bench.test/api/v1/export?format=${FORMAT}`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "10.0.0.1" } });
      const res = await exportEndpoint({ db, sessionActor: async () => null, limits: { windowSeconds: 60, perToken: 1e9, perIp: 1e9 } }, req);
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        sink(value);
      }
    } else {
      const body = new Response(await oldExport(database, manager)).body!.getReader();
      for (;;) {
        const { done, value } = await body.read();
        if (done) break;
        sink(value);
      }
    }
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(timer);
    sample();
    gc();
    const after = process.memoryUsage();

    console.log(`export benchmark on ${label}: ${ROWS.toLocaleString("en-US")} check-ins of ${nClients.toLocaleString("en-US")} clients (seeded in ${seeded.toFixed(1)} s)`);
    console.log(`  mode ${MODE}, ${FORMAT}: ${mb(bytes)} MB in ${seconds.toFixed(1)} s (first byte after ${(firstByte / 1000).toFixed(2)} s)`);
    console.log(`  RSS    ${mb(before.rss)} MB before, peak ${mb(peakRss)} MB: growth ${mb(peakRss - before.rss)} MB; ${mb(after.rss)} MB after`);
    console.log(`  RSS growth as the rows went by: ${marks.join(", ")}`);
    console.log(`  heap   ${mb(before.heapUsed)} MB before, peak ${mb(peakHeap)} MB: growth ${mb(peakHeap - before.heapUsed)} MB (garbage included); ${mb(after.heapUsed)} MB after a GC`);
    console.log(
      JSON.stringify({ bench: "export", db: database.kind, mode: MODE, format: FORMAT, rows: ROWS, bytes, seconds: +seconds.toFixed(2), rssGrowthMB: mb(peakRss - before.rss), heapGrowthMB: mb(peakHeap - before.heapUsed) }),
    );
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
