// `npm run bench:seed -- --firms F --clients N --months M [--other-clients K] [--db postgres|pglite] [--reset] [--jobs J]`
//
// Fills the configured database (DATABASE_URL = PostgreSQL, else the embedded folder PGLITE_DIR or
// .data/bench-pglite) with benchmark data, quickly: firm 1, the measured firm, gets N clients and
// firms 2..F get K clients each (default 1,000), every client about M monthly check-ins (between
// M/2 and 3M/2, so M on average) from the engine's own synthetic histories (lib/stages/synthetic.ts),
// shifted so that most end in the last 40 days and some went quiet long ago. Rows go in with
// multi-row inserts (one JSON parameter per statement), then recomputeStagesMany writes the stage
// history (and whatever it stores beside it) exactly as an import does. Runs as the owner, after
// migrating. Each firm has a manager, consultants and client users, all with BENCH_PASSWORD;
// in the measured firm consultant 1 leads 60% of the clients (the /clients page-100 case).
//
// Work is cut into chunks of clients, one transaction each, so --jobs transactions run side by
// side on PostgreSQL (the engine runs here while PostgreSQL writes). A failure leaves a partly
// filled database and says so; the seed refuses a non-empty database without --reset.
//
// Speed: a chunk's transaction names its firm (app.firm_id, which every firm_id column defaults
// to) and, when the only triggers on the written tables are migration 0005's firm_id fillers,
// runs with session_replication_role = replica: no per-row trigger and no per-row foreign-key
// check, about 3x fewer milliseconds per row. The rows are the same (firm_id = the client's
// firm, every reference made here); `npm run db:check` confirms it. Any other trigger (or a
// login that is not a superuser) keeps the ordinary path, and the seed says which it took.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, uuidArray, type Db, type Tx } from "../db";
import { migrateDatabase } from "../db/migrate";
import { isDatabaseEmpty, resetDatabase } from "../db/seed";
import { assignments, checkIns, clients, firms, selfAssessments, stageOverrides, users } from "../db/schema";
import { recomputeStagesMany } from "../db/queries/stage-history";
import { setFirm } from "../db/tenant";
import { fieldColumnNames, fieldsAsColumns, recordsetFieldColumns } from "../db/queries/checkin-columns";
import { hashPassword } from "../lib/auth/password";
import { mulberry32, syntheticHistory } from "../lib/stages/synthetic";
import { dayNumber, isoFromDay } from "../lib/stages/dates";
import { isoDay } from "../lib/validation/primitives";
import type { CheckInFields } from "../lib/checkin-format/types";
import {
  BENCH_PASSWORD, BIG_SHARE, CLIENT_USERS, CONSULTANTS, MEASURED_FIRM, UsageError, benchTarget, clientUserEmail, consultantEmail,
  intFlag, managerEmail, parseFlags, seconds,
} from "./lib/bench-common";

const USAGE = "npm run bench:seed -- [--firms 10] [--clients 10000] [--other-clients 1000] [--months 36] [--db postgres|pglite] [--reset] [--jobs 2] [--chunk 500]";

const flags = (() => {
  try {
    const { values, switches } = parseFlags(process.argv.slice(2), { values: ["firms", "clients", "other-clients", "months", "db", "jobs", "chunk"], switches: ["reset", "help"] });
    if (switches.has("help")) {
      console.log(USAGE);
      process.exit(0);
    }
    const target = benchTarget(values.get("db"));
    return {
      target,
      firms: intFlag(values, "firms", 10, 1, 1000),
      clients: intFlag(values, "clients", 10_000, 1, 1_000_000),
      otherClients: intFlag(values, "other-clients", 1000, 0, 1_000_000),
      months: intFlag(values, "months", 36, 1, 600),
      // PGlite is one connection: its transactions cannot overlap.
      jobs: target.kind === "pglite" ? 1 : intFlag(values, "jobs", 2, 1, 8),
      chunk: intFlag(values, "chunk", 500, 10, 10_000),
      reset: switches.has("reset"),
    };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:seed: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

// ---- what to write: deterministic per (firm, client), independent of chunking and --jobs -------

const INDUSTRIES: [string, string[]][] = [
  ["Bakery", ["Bakery", "Bakehouse", "Patisserie"]],
  ["Café", ["Coffee", "Café", "Tea Room"]],
  ["Restaurant", ["Kitchen", "Bistro", "Diner", "Grill"]],
  ["Fitness", ["Gym", "Yoga", "Pilates Studio"]],
  ["Trades", ["Plumbing", "Electrics", "Roofing", "Carpentry"]],
  ["Retail", ["Outfitters", "Goods", "Supply Co."]],
  ["Healthcare", ["Dental", "Physio", "Clinic"]],
  ["Beauty", ["Salon", "Barbers", "Spa"]],
  ["Education", ["Tutoring", "Music School", "Driving School"]],
  ["Florist", ["Florist", "Flowers", "Garden Centre"]],
  ["Pet care", ["Vet", "Grooming", "Pet Supplies"]],
  ["Construction", ["Builders", "Tile & Stone", "Renovations"]],
];
const PREFIXES = ["Maple", "Harbor", "Copper", "Juniper", "Northside", "Golden", "Willow", "Atlas", "Cedar", "Bluebird", "Summit", "Orchard", "Riverbend", "Lumen", "Granite", "Saffron", "Tidewater", "Beacon", "Crescent", "Fernway", "Ironclad", "Mosaic", "Petal", "Velvet", "Quayside", "Stonegate", "Hearth", "Bramble", "Cobalt", "Elm Street"];
const CHECKIN_NOTES = [
  "Talked through what competitors post; not convinced yet.",
  "Posts when they remember. Hoping for new customers soon.",
  "Frustrated that nobody sees the posts; agreed on 20 minutes each morning.",
  "Scheduling on Mondays now and answering every comment.",
  "Two new customers mentioned Instagram this month.",
  "Set up brand-mention alerts; answering within hours.",
  "Reviewing analytics weekly with the team.",
  "Referred another shop owner to us.",
];
const OVERRIDE_REASONS = [
  "Started a posting schedule two weeks ago; the next check-in should show it.",
  "Owner on leave; the dip is temporary, confirmed with the manager.",
  "The numbers lag behind what I saw in the shop this week.",
];

type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

interface ClientPlan {
  index: number;
  id: string;
  name: string;
  industry: string;
  /** 1-based consultant number within the firm. */
  consultant: number;
  archived: boolean;
  createdAt: string;
  history: CheckInFields[];
  override: { stage: number; reason: string; internal: boolean; effectiveDate: string; withdrawn: boolean } | null;
}

/** The n-th client of a firm: who leads it, and its history ending `lastAgo` days before today. */
function planClient(firm: number, index: number, todayDay: number): ClientPlan {
  const r = mulberry32(firm * 1_000_003 + index * 7919 + 17);
  const measured = firm === MEASURED_FIRM;
  // Consultant 1 leads BIG_SHARE of the measured firm; the rest is spread evenly.
  const slot = index % 10;
  const consultant = measured
    ? slot < BIG_SHARE * 10 ? 1 : 2 + ((slot - BIG_SHARE * 10) % (CONSULTANTS.measured - 1))
    : 1 + (index % CONSULTANTS.other);
  const [industry, nouns] = pick(r, INDUSTRIES);
  const name = `${pick(r, PREFIXES)} ${pick(r, nouns)} ${index + 1}`;
  // Client users belong to the first clients (all consultant 1's), which always have a history.
  const linked = index < (measured ? CLIENT_USERS.measured : CLIENT_USERS.other);
  const hasHistory = linked || r() < 0.985;
  const u = r();
  const lastAgo = linked || u < 0.88 ? between(r, 0, 40) : u < 0.97 ? between(r, 46, 150) : between(r, 151, 400);
  const archived = !linked && lastAgo > 150 && r() < 0.5;
  if (!hasHistory) {
    return { index, id: randomUUID(), name, industry, consultant, archived: false, createdAt: isoFromDay(todayDay - between(r, 0, 30)), history: [], override: null };
  }
  const count = between(r, Math.max(1, Math.ceil(flags.months / 2)), Math.max(1, Math.floor((3 * flags.months) / 2)));
  const synthetic = syntheticHistory(firm * 1_000_003 + index + 1, count);
  const shift = todayDay - lastAgo - dayNumber(synthetic[count - 1]!.date);
  const move = (d: string | null) => (d === null ? null : isoFromDay(dayNumber(d) + shift));
  const email = consultantEmail(firm, consultant);
  const history: CheckInFields[] = synthetic.map((x) => {
    const note = r() < 0.15 ? pick(r, CHECKIN_NOTES) : null;
    return { ...x, date: move(x.date)!, accountsSince: move(x.accountsSince), consultant: email, notes: note };
  });
  const last = dayNumber(history[count - 1]!.date);
  const override = r() < 0.03
    ? { stage: between(r, 1, 6), reason: pick(r, OVERRIDE_REASONS), internal: r() < 0.3, effectiveDate: isoFromDay(Math.min(todayDay, last + between(r, 0, 5))), withdrawn: r() < 0.15 }
    : null;
  return { index, id: randomUUID(), name, industry, consultant, archived, createdAt: isoFromDay(dayNumber(history[0]!.date) - between(r, 0, 20)), history, override };
}

// ---- writing --------------------------------------------------------------------------------

interface FirmUsers {
  firmId: string;
  managerId: string;
  /** consultant number (1-based) -> user id */
  consultants: string[];
}

const CHECKIN_BATCH = 5000;

async function insertJson(tx: Tx, rows: Record<string, unknown>[], statement: (json: string) => ReturnType<typeof sql>): Promise<void> {
  if (rows.length > 0) await tx.execute(statement(JSON.stringify(rows)));
}

const totals = { generateMs: 0, insertMs: 0, recomputeMs: 0, clients: 0, checkIns: 0, overrides: 0 };

/** One chunk of a firm's clients in one transaction: clients, leads, check-ins, overrides, then the stage history. */
async function writeChunk(db: Db, firm: number, f: FirmUsers, indexes: number[], todayDay: number, linkedUsers: (tx: Tx, plans: ClientPlan[]) => Promise<void>): Promise<void> {
  let t = performance.now();
  const plans = indexes.map((i) => planClient(firm, i, todayDay));
  totals.generateMs += performance.now() - t;
  await db.transaction(async (tx) => {
    t = performance.now();
    await setFirm(tx, f.firmId);
    if (fastPath.ok) await tx.execute(sql`set local session_replication_role = replica`);
    await insertJson(tx, plans.map((p) => ({ id: p.id, firm_id: f.firmId, name: p.name, industry: p.industry, archived: p.archived, created_at: `${p.createdAt}T09:00:00Z` })), (json) => sql`
      insert into ${clients} (id, firm_id, name, industry, archived, created_at, updated_at)
      select id, firm_id, name, industry, archived, created_at, created_at
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, firm_id uuid, name text, industry text, archived boolean, created_at timestamptz)`);
    await insertJson(tx, plans.map((p) => ({ client_id: p.id, consultant_id: f.consultants[p.consultant - 1], assigned_by: f.managerId, assigned_at: `${p.createdAt}T09:00:00Z` })), (json) => sql`
      insert into ${assignments} (client_id, consultant_id, assigned_by, assigned_at)
      select client_id, consultant_id, assigned_by, assigned_at
      from jsonb_to_recordset(${json}::jsonb) as r(client_id uuid, consultant_id uuid, assigned_by uuid, assigned_at timestamptz)`);
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      // The field columns come from the field definitions, as in an import (db/queries/import.ts).
      await insertJson(tx, batch, (json) => sql`
        insert into ${checkIns} (id, client_id, author_id, ${fieldColumnNames()}, notes_internal, created_at, updated_at)
        select id, client_id, author_id, ${fieldColumnNames()}, notes_internal, created_at, created_at
        from jsonb_to_recordset(${json}::jsonb) as r(id uuid, client_id uuid, author_id uuid, ${recordsetFieldColumns()}, notes_internal boolean, created_at timestamptz)`);
      batch = [];
    };
    for (const p of plans) {
      const author = f.consultants[p.consultant - 1];
      for (const [k, h] of p.history.entries()) {
        batch.push(fieldsAsColumns(h, { id: randomUUID(), client_id: p.id, author_id: author, notes_internal: k % 3 !== 0, created_at: `${h.date}T10:00:00Z` }));
        if (batch.length >= CHECKIN_BATCH) await flush();
      }
    }
    await flush();
    const overrides = plans.filter((p) => p.override);
    await insertJson(tx, overrides.map((p) => {
      const o = p.override!;
      const at = `${o.effectiveDate}T12:00:00Z`;
      const author = f.consultants[p.consultant - 1];
      return { client_id: p.id, stage: o.stage, reason: o.reason, internal: o.internal, effective_date: o.effectiveDate, author_id: author, created_at: at, withdrawn_at: o.withdrawn ? at : null, withdrawn_by: o.withdrawn ? author : null };
    }), (json) => sql`
      insert into ${stageOverrides} (client_id, stage, reason, internal, effective_date, author_id, created_at, withdrawn_at, withdrawn_by)
      select client_id, stage, reason, internal, effective_date, author_id, created_at, withdrawn_at, withdrawn_by
      from jsonb_to_recordset(${json}::jsonb) as r(client_id uuid, stage smallint, reason text, internal boolean, effective_date date, author_id uuid, created_at timestamptz, withdrawn_at timestamptz, withdrawn_by uuid)`);
    await linkedUsers(tx as Tx, plans);
    // With triggers off, the copies of each client's scope (migration 0012) come from the same
    // function the triggers call: the status rows before the history is written, the spells after.
    const ids = uuidArray(plans.map((p) => p.id));
    if (fastPath.ok) await tx.execute(sql`select copy_client_scope(${ids})`);
    totals.insertMs += performance.now() - t;
    t = performance.now();
    await recomputeStagesMany(tx as Tx, plans.map((p) => p.id));
    if (fastPath.ok) await tx.execute(sql`select copy_client_scope(${ids})`);
    totals.recomputeMs += performance.now() - t;
    totals.clients += plans.length;
    totals.checkIns += plans.reduce((n, p) => n + p.history.length, 0);
    totals.overrides += overrides.length;
  });
}

const WRITTEN_TABLES = ["clients", "assignments", "check_ins", "stage_assessments", "stage_overrides", "self_assessments", "users", "client_status", "stage_spells"];
// Triggers the fast path may skip: the firm_id fillers (app.firm_id fills firm_id instead), and
// the scope copies' (writeChunk calls copy_client_scope itself).
const SKIPPABLE = ["firm_from_client", "firm_from_user", "stage_spells_copies", "clients_copies", "assignments_copies"];
const fastPath = { ok: false, why: "" };

/** Whether skipping triggers loses nothing: a superuser login, and no trigger but SKIPPABLE's. */
async function checkFastPath(db: Db): Promise<void> {
  const [me] = await queryRows<{ superuser: boolean }>(db, sql`select rolsuper as superuser from pg_roles where rolname = current_user`);
  if (!me?.superuser) {
    fastPath.why = "the login is not a superuser, so triggers and foreign-key checks run per row";
    return;
  }
  const others = await queryRows<{ rel: string; trigger: string }>(db, sql`
    select c.relname as rel, t.tgname as trigger from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and c.relname in (${sql.join(WRITTEN_TABLES.map((x) => sql`${x}`), sql`, `)})
      and p.proname not in (${sql.join(SKIPPABLE.map((x) => sql`${x}`), sql`, `)})`);
  if (others.length > 0) {
    fastPath.why = `trigger(s) ${others.map((o) => `${o.rel}.${o.trigger}`).join(", ")} must run, so rows go in through triggers`;
    return;
  }
  fastPath.ok = true;
  fastPath.why = "session_replication_role = replica (firm_id from app.firm_id, the scope copies by copy_client_scope; no per-row triggers or foreign-key checks)";
}

/** Runs `jobs` workers over the chunks; the first failure stops the others from starting new ones. */
async function runChunks(chunks: (() => Promise<void>)[], jobs: number, onDone: () => void): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < chunks.length) {
      const job = chunks[next++]!;
      try {
        await job();
        onDone();
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  if (failed !== null) throw failed;
}

async function main() {
  const started = performance.now();
  const { target } = flags;
  const database = await openDatabase(target.kind === "postgres" ? { url: target.url } : { pgliteDir: target.pgliteDir, purpose: "npm run bench:seed" });
  const where = target.kind === "postgres" ? target.url!.replace(/\/\/[^@/]*@/, "//…@") : target.pgliteDir;
  let wrote = false;
  try {
    let t = performance.now();
    await migrateDatabase(database);
    const migrateMs = performance.now() - t;
    t = performance.now();
    if (!(await isDatabaseEmpty(database.db))) {
      if (!flags.reset) {
        console.error(`bench:seed: ${where} already holds data; the bench seed fills only an empty database. Add --reset to wipe it first.`);
        process.exitCode = 1;
        return;
      }
      await resetDatabase(database.db);
      await database.db.execute(sql`truncate rate_limits, sign_in_failures`);
    }
    const resetMs = performance.now() - t;
    const today = isoDay();
    const todayDay = dayNumber(today);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await checkFastPath(database.db);
    console.log(
      `bench:seed into ${target.kind} (${where}): ${flags.firms} firm(s); firm 1 ${flags.clients.toLocaleString("en")} clients, ` +
        `${flags.firms > 1 ? `firms 2-${flags.firms} ${flags.otherClients.toLocaleString("en")} each, ` : ""}~${flags.months} check-ins per client; ` +
        `${flags.jobs} job(s), ${flags.chunk} clients per transaction`,
    );
    console.log(`  rows go in with ${fastPath.why}`);

    // Firms and their users first, in one transaction.
    t = performance.now();
    wrote = true;
    const firmUsers: FirmUsers[] = await database.db.transaction(async (tx) => {
      const out: FirmUsers[] = [];
      for (let firm = 1; firm <= flags.firms; firm++) {
        const measured = firm === MEASURED_FIRM;
        const [row] = await tx.insert(firms).values({ name: measured ? "Bench Firm 1 (measured)" : `Bench Firm ${firm}`, timeZone: "UTC" }).returning({ id: firms.id });
        const [manager] = await tx.insert(users).values({ firmId: row!.id, email: managerEmail(firm), name: `Manager ${firm}`, role: "manager", passwordHash }).returning({ id: users.id });
        const n = measured ? CONSULTANTS.measured : CONSULTANTS.other;
        const consultants = await tx
          .insert(users)
          .values(Array.from({ length: n }, (_, k) => ({ firmId: row!.id, email: consultantEmail(firm, k + 1), name: `Consultant ${firm}.${k + 1}`, role: "consultant" as const, passwordHash })))
          .returning({ id: users.id, email: users.email });
        consultants.sort((a, b) => a.email.localeCompare(b.email, "en", { numeric: true }));
        out.push({ firmId: row!.id, managerId: manager!.id, consultants: consultants.map((c) => c.id) });
      }
      return out;
    });
    const usersMs = performance.now() - t;

    // Client users and their self-assessments go in with their clients' chunk, before its recompute.
    const linkedUsers = (firm: number) => async (tx: Tx, plans: ClientPlan[]) => {
      const max = firm === MEASURED_FIRM ? CLIENT_USERS.measured : CLIENT_USERS.other;
      for (const p of plans.filter((x) => x.index < max)) {
        const f = firmUsers[firm - 1]!;
        const [u] = await tx.insert(users).values({ firmId: f.firmId, email: clientUserEmail(firm, p.index + 1), name: `Owner of ${p.name}`, role: "client", clientId: p.id, passwordHash }).returning({ id: users.id });
        const last = dayNumber(p.history.at(-1)!.date);
        const earlier = isoFromDay(Math.max(last - 60, dayNumber(p.history[0]!.date)));
        // Each written on its own day: with one insert's timestamp for both, "the latest" was a
        // coin toss, and db:check found the stored status and a recomputation disagreeing on it.
        await tx.insert(selfAssessments).values([
          { clientId: p.id, userId: u!.id, stage: 2 + (p.index % 3), note: "Where I think we are.", date: earlier, createdAt: new Date(`${earlier}T12:00:00Z`) },
          { clientId: p.id, userId: u!.id, stage: 3 + (p.index % 3), note: null, date: isoFromDay(last), createdAt: new Date(`${isoFromDay(last)}T12:00:00Z`) },
        ]);
      }
    };

    t = performance.now();
    const chunks: (() => Promise<void>)[] = [];
    let plannedClients = 0;
    for (let firm = 1; firm <= flags.firms; firm++) {
      const n = firm === MEASURED_FIRM ? flags.clients : flags.otherClients;
      plannedClients += n;
      for (let from = 0; from < n; from += flags.chunk) {
        const indexes = Array.from({ length: Math.min(flags.chunk, n - from) }, (_, k) => from + k);
        chunks.push(() => writeChunk(database.db, firm, firmUsers[firm - 1]!, indexes, todayDay, linkedUsers(firm)));
      }
    }
    let lastReport = performance.now();
    await runChunks(chunks, flags.jobs, () => {
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        const s = (now - t) / 1000;
        console.log(`  ${totals.clients.toLocaleString("en")}/${plannedClients.toLocaleString("en")} clients, ${totals.checkIns.toLocaleString("en")} check-ins (${Math.round(totals.checkIns / s).toLocaleString("en")}/s)`);
      }
    });
    const dataMs = performance.now() - t;

    // Fresh statistics and visibility maps, as a database that autovacuum has seen would have.
    t = performance.now();
    for (const table of WRITTEN_TABLES) {
      const exists = await database.db.execute(sql`select to_regclass(${table}) is not null as ok`);
      if ((exists as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok) await database.db.execute(sql.raw(`vacuum (analyze) ${table}`));
    }
    const vacuumMs = performance.now() - t;

    const counts = (await database.db.execute(sql`
      select (select count(*) from firms)::int as firms, (select count(*) from users)::int as users, (select count(*) from clients)::int as clients,
             (select count(*) from check_ins)::int as check_ins, (select count(*) from stage_assessments)::int as assessments,
             (select count(*) from check_ins c join clients k on k.id = c.client_id where k.firm_id = ${firmUsers[0]!.firmId})::int as measured_check_ins`)) as unknown as {
      rows: { firms: number; users: number; clients: number; check_ins: number; assessments: number; measured_check_ins: number }[];
    };
    const c = counts.rows[0]!;
    const total = performance.now() - started;
    console.log(`\nbench:seed done in ${seconds(total)} (${target.kind})`);
    console.log(`  ${c.firms} firms, ${c.users} users, ${c.clients.toLocaleString("en")} clients, ${c.check_ins.toLocaleString("en")} check-ins (${c.measured_check_ins.toLocaleString("en")} in firm 1), ${c.assessments.toLocaleString("en")} stored assessments, ${totals.overrides} overrides`);
    console.log(
      `  migrate ${seconds(migrateMs)}, reset ${seconds(resetMs)}, firms+users ${seconds(usersMs)}, data ${seconds(dataMs)} ` +
        `(summed over ${flags.jobs} job(s): generate ${seconds(totals.generateMs)}, insert ${seconds(totals.insertMs)}, recomputeStagesMany ${seconds(totals.recomputeMs)}), vacuum analyze ${seconds(vacuumMs)}`,
    );
    console.log(`  ${Math.round(c.check_ins / (dataMs / 1000)).toLocaleString("en")} check-ins/s with their stage history`);
    console.log(`\nLogins (password: ${BENCH_PASSWORD}):`);
    console.log(`  ${managerEmail(1).padEnd(32)} manager of firm 1 (the measured firm)`);
    console.log(`  ${consultantEmail(1, 1).padEnd(32)} consultant leading ${Math.round(BIG_SHARE * 100)}% of firm 1's clients`);
    for (let k = 2; k <= CONSULTANTS.measured; k++) console.log(`  ${consultantEmail(1, k).padEnd(32)} consultant of firm 1`);
    for (let k = 1; k <= Math.min(CLIENT_USERS.measured, flags.clients); k++) console.log(`  ${clientUserEmail(1, k).padEnd(32)} client user of firm 1`);
    if (flags.firms > 1) console.log(`  firms 2-${flags.firms}: manager@bench-N.example, consultant1-${CONSULTANTS.other}@bench-N.example, client1@bench-N.example`);
    console.log(`\nNext: npm run bench:http${target.kind === "pglite" ? " -- --db pglite" : ""}`);
  } catch (err) {
    if (wrote) console.error(`\nbench:seed failed after writing part of the data: rerun with --reset to start again.`);
    throw err;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
