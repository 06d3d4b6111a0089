import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { backupPglite, backupPostgres, BackupError, restorePglite, restorePostgres, tableChecksums } from "@/db/backup";

// The restore drill: back up a seeded database, restore it into a fresh one, and compare
// every table's row count and checksum.
const work = mkdtempSync(path.join(tmpdir(), "stageline-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("backup and restore: embedded database", () => {
  it("restores a PGlite folder with every row the same", async () => {
    const source = path.join(work, "source");
    const database = await openDatabase({ pgliteDir: source });
    await migrateDatabase(database);
    await seedDemo(database.db, { today: "2026-06-30" });
    const before = await tableChecksums(database.db);
    await database.close();

    const file = path.join(work, "pglite.tar.gz");
    await backupPglite(source, file);
    const target = path.join(work, "target");
    await restorePglite(target, file);
    const restored = await openDatabase({ pgliteDir: target });
    const after = await tableChecksums(restored.db);
    await restored.close();

    expect(before["public.check_ins"]!.rows).toBeGreaterThan(100);
    expect(after).toEqual(before);
    await expect(restorePglite(target, file)).rejects.toThrow(BackupError);
  });
});

const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)("backup and restore: PostgreSQL", () => {
  it("restores a pg_dump into a fresh database with every row the same", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const names = [`stageline_bk_src_${process.pid}`, `stageline_bk_dst_${process.pid}`];
    for (const n of names) await admin.query(`drop database if exists ${n} with (force)`).then(() => admin.query(`create database ${n}`));
    const urlOf = (n: string) => Object.assign(new URL(url!), { pathname: `/${n}` }).toString();
    try {
      const source = await openDatabase({ url: urlOf(names[0]!) });
      await migrateDatabase(source);
      await seedDemo(source.db, { today: "2026-06-30" });
      const before = await tableChecksums(source.db);
      await source.close();

      const file = path.join(work, "pg.dump");
      await backupPostgres(urlOf(names[0]!), file);
      const target = await openDatabase({ url: urlOf(names[1]!) });
      await restorePostgres(urlOf(names[1]!), file, target.db);
      const after = await tableChecksums(target.db);
      await expect(restorePostgres(urlOf(names[1]!), file, target.db)).rejects.toThrow(/not empty/);
      await target.close();
      expect(after).toEqual(before);
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    }
  });
});
