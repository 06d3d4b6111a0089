// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`, for whichever database is configured:
// DATABASE_URL (DATABASE_DIRECT_URL when set, since a pooler may not pass a dump through) or the
// embedded folder PGLITE_DIR. Restore refuses a target that already holds tables.
import { env } from "../lib/env";
import { openDatabase } from "../db";
import { BackupError, backupPglite, backupPostgres, restorePglite, restorePostgres, tableChecksums } from "../db/backup";

async function main() {
  const [mode, file] = [process.argv[2], process.argv[3]];
  if ((mode !== "backup" && mode !== "restore") || !file) {
    console.error("usage: npm run db:backup -- FILE   |   npm run db:restore -- FILE");
    process.exit(2);
  }
  const e = env();
  const url = process.env.DATABASE_DIRECT_URL || e.DATABASE_URL;
  const dir = e.PGLITE_DIR;
  if (mode === "backup") {
    if (url) await backupPostgres(url, file);
    else await backupPglite(dir, file);
  } else if (url) {
    const target = await openDatabase({ url });
    try {
      await restorePostgres(url, file, target.db);
    } finally {
      await target.close();
    }
  } else {
    await restorePglite(dir, file);
  }
  const database = await openDatabase({ url, pgliteDir: dir, purpose: `npm run db:${mode}` });
  try {
    const sums = await tableChecksums(database.db);
    const rows = Object.values(sums).reduce((n, t) => n + t.rows, 0);
    console.log(`${mode === "backup" ? "Backed up" : "Restored"} the ${database.kind} database ${mode === "backup" ? "to" : "from"} ${file}: ${Object.keys(sums).length} tables, ${rows} rows.`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof BackupError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
