import { mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isMemoryPglite, namedStatementsOn } from "../lib/env";
import { acquirePgliteLock } from "./lock";
import { log } from "../lib/log";
import * as schema from "./schema";
import { currentTransaction } from "./tenant";
import { shareEventLoop } from "./pglite-turns";
import { nameStatements } from "./named-statements";
import { installTextParsers, type ParsingClient } from "./pglite-parsers";

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
  /** PostgreSQL itself, for migrations, when `url` goes through a transaction pooler. */
  directUrl?: string;
  /** The role the app should act as ("none": the login's own). */
  role?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  /** PostgreSQL itself (not a pooler), for what needs a session of its own: migrations. Unset: `url`. */
  directUrl?: string;
  pgliteDir?: string;
  /** Shown to a second process that finds the folder locked. */
  purpose?: string;
  /**
   * Switch to this role after connecting (the app's role without BYPASSRLS). PostgreSQL
   * connections switch at once; an embedded database switches on restrictToAppRole(), after
   * boot has migrated and seeded as the owner.
   */
  role?: string;
  /**
   * PostgreSQL only: name the statements, so each server connection keeps their plans
   * (db/named-statements.ts). Unset: DATABASE_NAMED_STATEMENTS, "on" by default.
   */
  namedStatements?: boolean;
  /** Shown in pg_stat_activity (the read pool names itself). */
  applicationName?: string;
  /**
   * An in-memory PGlite only: start from this dump of a data folder (PGlite's dumpDataDir)
   * instead of running initdb, which costs a few seconds of CPU. The integration tests start
   * each file's database from one migrated dump (tests/integration/global-setup.ts).
   */
  pgliteDataDir?: Blob;
}

/** The user a PostgreSQL URL logs in as (libpq's defaults when the URL names none). */
export function loginOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || process.env.PGUSER || userInfo().username;
}

/**
 * The role a pool switches to with the `-c role=` start-up option, or none: with "none", and
 * when the URL logs in as that role already. PgBouncer refuses start-up options (and could not
 * keep a session's role across transactions anyway), so through it the app logs in as its role.
 */
export function roleToSwitch(url: string, role: string | undefined): string | undefined {
  if (!role || role === "none") return undefined;
  return loginOf(url) === role ? undefined : role;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const role = roleToSwitch(opts.url, opts.role);
    const pool = new Pool({
      connectionString: opts.url,
      // Every connection of the pool starts as the app's role: row-level security applies to it.
      ...(role ? { options: `-c role=${role}` } : {}),
      ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
      max: Number(process.env.PG_POOL_MAX ?? 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (a server restart) must not crash the process.
    pool.on("error", (err) => log.warn({ err }, "idle PostgreSQL client lost its connection"));
    if (opts.namedStatements ?? namedStatementsOn()) pool.on("connect", (client) => nameStatements(client as never));
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    return { db, kind: "postgres", url: opts.url, directUrl: opts.directUrl, role: opts.role, close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? ".data/pglite";
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let client;
  if (isMemoryPglite(dir)) {
    client = new PGlite(opts.pgliteDataDir ? { loadDataDir: opts.pgliteDataDir } : {});
  } else {
    release = acquirePgliteLock(dir, opts.purpose ?? "app");
    mkdirSync(path.resolve(/*turbopackIgnore: true*/ dir), { recursive: true });
    client = new PGlite(path.resolve(/*turbopackIgnore: true*/ dir));
  }
  await client.waitReady;
  installTextParsers(client as unknown as ParsingClient);
  shareEventLoop(client);
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
    globalForDb.__stagelineDb = openDatabase({
      url: e.DATABASE_URL,
      directUrl: e.DATABASE_DIRECT_URL,
      pgliteDir: e.PGLITE_DIR,
      purpose: "app server",
      role: e.DATABASE_APP_ROLE,
    });
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
 * connects as it), then both check that the role cannot bypass row-level security. The check
 * runs outside any transaction, as the pool's plain connections are: through a transaction
 * pooler that is the login's own role, so a login that bypasses the policies is refused too.
 */
export async function restrictToAppRole(database: Database): Promise<void> {
  const role = database.role && database.role !== "none" ? database.role : undefined;
  if (database.kind === "pglite" && role) await database.db.execute(sql.raw(`set role ${role}`));
  let me: { name: string; bypass: boolean } | undefined;
  try {
    [me] = await queryRows<{ name: string; bypass: boolean }>(
      database.db,
      sql`select current_user as name, (r.rolsuper or r.rolbypassrls) as bypass from pg_roles r where r.rolname = current_user`,
    );
  } catch (err) {
    // drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
    const text = `${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ""}`;
    if (/unsupported startup parameter/i.test(text)) {
      throw new Error(
        `the database at ${redactUrl(database.url ?? "")} refuses the start-up option that switches to the role "${role}": ` +
          `a transaction pooler such as PgBouncer. Log in through it as "${role}" itself (ALTER ROLE ${role} LOGIN PASSWORD '…'), ` +
          "and point DATABASE_DIRECT_URL at PostgreSQL itself, as the owner, for migrations (docs/scaling.md).",
      );
    }
    throw err;
  }
  if (!me || me.bypass) {
    throw new Error(
      `the app's database role ${me ? `"${me.name}" ` : ""}bypasses row-level security. ` +
        "Let the app switch to stageline_app (the default, DATABASE_APP_ROLE) or log in as a role without SUPERUSER and BYPASSRLS.",
    );
  }
}

/** A URL fit for a log line or an error message: no password. */
export function redactUrl(url: string): string {
  return url.replace(/:\/\/([^:@/]*):[^@/]*@/, "://$1:***@");
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

/** A json column that holds an array: parsed, or as text where the driver leaves json unparsed; null or absent is empty. */
export type JsonList<T> = T[] | string | null;
export function jsonList<T>(v: JsonList<T> | undefined): T[] {
  return v === null || v === undefined ? [] : typeof v === "string" ? (JSON.parse(v) as T[]) : v;
}

/**
 * A list of ids as one uuid[] parameter, for `col = any(${uuidArray(ids)})`. The planner reads
 * the array's length; a jsonb list it counts as 100 rows, which turned the one-client lookup of
 * every check-in write into a scan of the whole clients table.
 */
export function uuidArray(ids: readonly string[]): import("drizzle-orm").SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
