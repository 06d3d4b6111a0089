import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./index";
import { log, safeError } from "../lib/log";

/**
 * The embedded database's own autovacuum. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum runs: every check-in rewrites its client's status row and part of its stage history,
 * so dead rows pile up in those tables and the planner keeps the statistics it had after the seed.
 * The server that owns the folder therefore runs VACUUM (ANALYZE) itself, one table at a time, so
 * requests that queue meanwhile run between tables rather than after the whole database.
 *
 * The app's role may do this with PostgreSQL's pg_maintain role (granted at boot by
 * allowEmbeddedMaintenance), which lets it vacuum and analyse but reads nothing row-level security
 * hides. Without it, VACUUM skips each table with only a warning, so the grant is checked here.
 */

/** How often the server vacuums and analyses the embedded database. */
export const EMBEDDED_MAINTENANCE_EVERY_MS = 60 * 60_000;
/** The first pass, a little after boot (the seed's and the last run's dead rows). */
export const EMBEDDED_MAINTENANCE_FIRST_MS = 60_000;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** As the owner, before the embedded database switches to the app's role: let that role vacuum. */
export async function allowEmbeddedMaintenance(db: Db, role: string): Promise<void> {
  if (!IDENTIFIER.test(role)) throw new Error(`not a plain role name: ${role}`);
  await db.execute(sql.raw(`grant pg_maintain to ${role}`));
}

export interface MaintenancePass {
  tables: number;
  ms: number;
  /** The slowest table and its time: the longest that a request waited behind this pass. */
  slowest: { table: string; ms: number } | null;
}

/** VACUUM (ANALYZE) every table of the app's schema, one statement each. */
export async function maintainEmbedded(db: Db): Promise<MaintenancePass> {
  const [allowed] = await queryRows<{ ok: boolean }>(db, sql`select pg_has_role(current_user, 'pg_maintain', 'usage') as ok`);
  if (!allowed?.ok) throw new Error("the embedded database's role may not vacuum (pg_maintain was not granted at boot)");
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const started = performance.now();
  let slowest: MaintenancePass["slowest"] = null;
  for (const { name } of tables) {
    if (!IDENTIFIER.test(name)) continue;
    const t = performance.now();
    await db.execute(sql.raw(`vacuum (analyze) public.${name}`));
    const ms = performance.now() - t;
    if (!slowest || ms > slowest.ms) slowest = { table: name, ms: Math.round(ms) };
  }
  return { tables: tables.length, ms: Math.round(performance.now() - started), slowest };
}

/**
 * Runs maintainEmbedded after `firstMs`, then every `everyMs`, never two passes at once; a failed
 * pass is logged and the next one tries again. The timer does not keep the process alive. Returns
 * a function that stops it and resolves when a pass under way has finished.
 */
export function scheduleEmbeddedMaintenance(db: Db, firstMs = EMBEDDED_MAINTENANCE_FIRST_MS, everyMs = EMBEDDED_MAINTENANCE_EVERY_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= maintainEmbedded(db)
      .then((done) => log.info({ maintenance: done }, "embedded database vacuumed and analysed"))
      .catch((err) => log.warn({ err: safeError(err) }, "embedded database maintenance failed; the next pass tries again"))
      .finally(() => (running = null));
  };
  let timer = setTimeout(() => {
    pass();
    timer = setInterval(pass, everyMs).unref();
  }, firstMs).unref();
  return async () => {
    clearTimeout(timer);
    await running;
  };
}
