import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isMemoryPglite } from "../lib/env";
import { acquirePgliteLock } from "./lock";
import { log } from "../lib/log";
import * as schema from "./schema";

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
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  pgliteDir?: string;
  /** Shown to a second process that finds the folder locked. */
  purpose?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({
      connectionString: opts.url,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (a server restart) must not crash the process.
    pool.on("error", (err) => log.warn({ err }, "idle PostgreSQL client lost its connection"));
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    return { db, kind: "postgres", url: opts.url, close: () => pool.end() };
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
    globalForDb.__stagelineDb = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, purpose: "app server" });
    globalForDb.__stagelineDb.catch(() => {
      globalForDb.__stagelineDb = undefined;
    });
  }
  return globalForDb.__stagelineDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
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
