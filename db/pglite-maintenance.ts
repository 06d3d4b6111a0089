import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./index";
import { log, safeError } from "../lib/log";

/**
 * The embedded database's own autovacuum. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum runs: every check-in rewrites its client's status row and part of its stage history,
 * so dead rows pile up in those tables and the planner keeps the statistics it had after the seed.
 * The server that owns the folder therefore vacuums it itself, one table per statement, so that
 * requests which queue meanwhile run between tables rather than after the whole database.
 *
 * VACUUM skips the pages it has seen clean, so an hourly pass is cheap: on the bench:seed data
 * (19,000 clients, 10,000 of them in one firm) a pass took 9 to 123 ms, no table over 18 ms.
 * ANALYZE samples every table again whatever changed: 1.8 s for a pass there, 0.8 s of it on
 * check_ins. So a pass analyses only after boot and then once a day.
 *
 * The app's role may do this with PostgreSQL's pg_maintain role (granted at boot by
 * allowEmbeddedMaintenance), which lets it vacuum and analyse but reads nothing row-level security
 * hides. Without it, VACUUM skips each table with only a warning, so the grant is checked here.
 */

/** How often the server vacuums the embedded database. */
export const EMBEDDED_VACUUM_EVERY_MS = 60 * 60_000;
/** How often a pass also analyses (the first pass after boot always does). */
export const EMBEDDED_ANALYZE_EVERY_MS = 24 * 60 * 60_000;
/** The first pass, a little after boot: the seed's and the last run's dead rows and statistics. */
export const EMBEDDED_MAINTENANCE_FIRST_MS = 60_000;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** As the owner, before the embedded database switches to the app's role: let that role vacuum. */
export async function allowEmbeddedMaintenance(db: Db, role: string): Promise<void> {
  if (!IDENTIFIER.test(role)) throw new Error(`not a plain role name: ${role}`);
  await db.execute(sql.raw(`grant pg_maintain to ${role}`));
}

export interface MaintenancePass {
  analyzed: boolean;
  tables: number;
  ms: number;
  /** The slowest table and its time: the longest that a request waited behind this pass. */
  slowest: { table: string; ms: number } | null;
}

/** VACUUM (and with `analyze`, ANALYZE) every table of the app's schema, one statement each. */
export async function maintainEmbedded(db: Db, { analyze }: { analyze: boolean }): Promise<MaintenancePass> {
  const [allowed] = await queryRows<{ ok: boolean }>(db, sql`select pg_has_role(current_user, 'pg_maintain', 'usage') as ok`);
  if (!allowed?.ok) throw new Error("the embedded database's role may not vacuum (pg_maintain was not granted at boot)");
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const started = performance.now();
  let slowest: MaintenancePass["slowest"] = null;
  for (const { name } of tables) {
    if (!IDENTIFIER.test(name)) continue;
    const t = performance.now();
    await db.execute(sql.raw(`vacuum ${analyze ? "(analyze) " : ""}public.${name}`));
    const ms = performance.now() - t;
    if (!slowest || ms > slowest.ms) slowest = { table: name, ms: Math.round(ms) };
  }
  return { analyzed: analyze, tables: tables.length, ms: Math.round(performance.now() - started), slowest };
}

export interface MaintenanceSchedule {
  firstMs: number;
  everyMs: number;
  analyzeEveryMs: number;
}
const SCHEDULE: MaintenanceSchedule = { firstMs: EMBEDDED_MAINTENANCE_FIRST_MS, everyMs: EMBEDDED_VACUUM_EVERY_MS, analyzeEveryMs: EMBEDDED_ANALYZE_EVERY_MS };

/**
 * Runs maintainEmbedded after `firstMs` (analysing), then every `everyMs` (analysing again once
 * `analyzeEveryMs` have passed since the last time), never two passes at once; a failed pass is
 * logged and the next one tries again. The timer does not keep the process alive. Returns a
 * function that stops it and resolves when a pass under way has finished.
 */
export function scheduleEmbeddedMaintenance(db: Db, schedule: MaintenanceSchedule = SCHEDULE): () => Promise<void> {
  let running: Promise<void> | null = null;
  let analyzedAt = -Infinity;
  const pass = () => {
    const analyze = Date.now() - analyzedAt >= schedule.analyzeEveryMs;
    running ??= maintainEmbedded(db, { analyze })
      .then((done) => {
        if (analyze) analyzedAt = Date.now();
        log.info({ maintenance: done }, analyze ? "embedded database vacuumed and analysed" : "embedded database vacuumed");
      })
      .catch((err) => log.warn({ err: safeError(err) }, "embedded database maintenance failed; the next pass tries again"))
      .finally(() => (running = null));
  };
  let timer = setTimeout(() => {
    pass();
    timer = setInterval(pass, schedule.everyMs).unref();
  }, schedule.firstMs).unref();
  return async () => {
    clearTimeout(timer);
    await running;
  };
}
