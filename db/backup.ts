import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./index";
import { acquirePgliteLock } from "./lock";

// Backups for both databases: PostgreSQL's own custom-format dump (pg_dump / pg_restore), and
// PGlite's data-directory dump (a gzipped tar of the folder). A restore goes only into an empty
// target, so a slip of the keyboard cannot overwrite a live database.

export class BackupError extends Error {}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (e) => reject(new BackupError(`${cmd} could not start: ${e.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--file", file, url]);
}

export async function restorePostgres(url: string, file: string, db: Db): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`);
  if (n > 0) throw new BackupError("The target database is not empty: restore into a freshly created database.");
  await run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", url, file]);
}

export async function backupPglite(dir: string, file: string): Promise<void> {
  if (!existsSync(dir)) throw new BackupError(`No embedded database at ${dir}.`);
  const release = acquirePgliteLock(dir, "npm run db:backup");
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(path.resolve(dir));
  try {
    await client.waitReady;
    const dump = await client.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
    release();
  }
}

export async function restorePglite(dir: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupError(`${dir} is not empty: restore into a new folder (set PGLITE_DIR).`);
  mkdirSync(dir, { recursive: true });
  const release = acquirePgliteLock(dir, "npm run db:restore");
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(path.resolve(dir), { loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await client.waitReady;
  } finally {
    await client.close();
    release();
  }
}

/** Row count and an md5 of every row of every table: two databases with equal sums hold the same data. */
export async function tableChecksums(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select schemaname as schema, tablename as name from pg_tables where schemaname in ('public', 'drizzle') order by 1, 2`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const ident = sql.raw(`"${t.schema}"."${t.name}"`);
    const [r] = await queryRows<{ rows: number; md5: string | null }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\n' order by x::text), '')) as md5 from ${ident} x`,
    );
    out[`${t.schema}.${t.name}`] = { rows: r!.rows, md5: r!.md5 ?? "" };
  }
  return out;
}
