import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a freshly migrated PGlite data folder, or null on PostgreSQL (db.ts). */
    pgliteTemplate: string | null;
  }
}

/**
 * Once per run, on PGlite: migrate one in-memory database and dump its data folder to a
 * temporary file. Each test file's database starts from that dump (tests/integration/db.ts)
 * instead of running initdb and every migration again: about 3 s of CPU a database, and the
 * suite opens dozens. db.ts still runs the migrator on each, which finds nothing to do unless
 * the dump is behind, so a test can never run on a stale schema.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", null);
    return;
  }
  const database = await openDatabase({ pgliteDir: "memory://" });
  let dir: string | null = null;
  try {
    await migrateDatabase(database);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir("none");
    dir = await mkdtemp(path.join(tmpdir(), "stageline-pglite-"));
    const file = path.join(dir, "migrated.tar");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
  } finally {
    await database.close();
  }
  return async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
