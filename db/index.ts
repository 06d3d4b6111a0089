import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isMemoryPglite } from "../lib/env";
import { acquirePgliteLock } from "./lock";
import { log } from "../lib/log";
import * as schema from "./schema";
import { currentTransaction } from "./tenant";

// The one place that picks the driver: PostgreSQL through `pg` when DATABASE_URL is set,
// embedded PGlite in a data folder otherwise. Everything else sees the same drizzle API.

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** The PostgreSQL URL, when kind is postgres. */
  url?: string;
  /** The role the app should act as ("none": the login's own). */
  role?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  pgliteDir?: string;
  /** Shown to a second process that finds the folder locked. */
  purpose?: string;
  /**
   * Switch to this role after connecting (the app's role without BYPASSRLS). PostgreSQL
   * connections switch at once; an embedded database switches on restrictToAppRole(), after
   * boot has migrated and seeded as the owner.
   */
  role?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const role = opts.role && opts.role !== "none" ? opts.role : undefined;
    const pool = new Pool({
      connectionString: opts.url,
      // Every connection of the pool starts as the app's role: row-level security applies to it.
      ...(role ? { options: `-c role=${role}` } : {}),
      max: Number(process.env.PG_POOL_MAX ?? 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (a server restart) must not crash the process.
    pool.on("error", (err) => log.warn({ err }, "idle PostgreSQL client lost its connection"));
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    return { db, kind: "postgres", url: opts.url, role: opts.role, close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? ".data/pglite";
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let client;
  if (isMemoryPglite(dir)) {
    client = new PGlite();
  } else {
    release = acquirePgliteLock(dir, opts.purpose ?? "app");
    mkdirSync(path.resolve(/*turbopackIgnore: true*/ dir), { recursive: true });
    client = new PGlite(path.resolve(/*turbopackIgnore: true*/ dir));
  }
  await client.waitReady;
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    role: opts.role,
    close: async () => {
      await client.close();
      release();
    },
  };
}

const globalForDb = globalThis as unknown as { __stagelineDb?: Promise<Database> };

/** The app's database, opened once per process. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__stagelineDb) {
    const e = env();
    globalForDb.__stagelineDb = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, purpose: "app server", role: e.DATABASE_APP_ROLE });
    globalForDb.__stagelineDb.catch(() => {
      globalForDb.__stagelineDb = undefined;
    });
  }
  return globalForDb.__stagelineDb;
}

/**
 * The app's database; inside a request's firm transaction (db/tenant.ts inFirm), that
 * transaction, so every query of the request sees the same firm.
 */
export async function getDb(): Promise<Db> {
  const tx = currentTransaction();
  if (tx) return tx as unknown as Db;
  return (await getDatabase()).db;
}

/**
 * After boot: the embedded database switches to the app's role (a PostgreSQL pool already
 * connects as it), then both check that the role cannot bypass row-level security.
 */
export async function restrictToAppRole(database: Database): Promise<void> {
  const role = database.role && database.role !== "none" ? database.role : undefined;
  if (database.kind === "pglite" && role) await database.db.execute(sql.raw(`set role ${role}`));
  const [me] = await queryRows<{ name: string; bypass: boolean }>(
    database.db,
    sql`select current_user as name, (r.rolsuper or r.rolbypassrls) as bypass from pg_roles r where r.rolname = current_user`,
  );
  if (!me || me.bypass) {
    throw new Error(
      `the app's database role ${me ? `"${me.name}" ` : ""}bypasses row-level security. ` +
        "Let the app switch to stageline_app (the default, DATABASE_APP_ROLE) or log in as a role without SUPERUSER and BYPASSRLS.",
    );
  }
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

export { schema };

/** Raw SQL for what the query builder cannot say well (window functions, generate_series). Both drivers answer with `rows`. */
export async function queryRows<T>(db: Db | Tx, query: import("drizzle-orm").SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
