// `npm run db:migrate`: apply migrations to the configured database (the server also does this on start).
import { env } from "../lib/env";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";

async function main() {
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, purpose: "npm run db:migrate" });
  try {
    await migrateDatabase(database);
    console.log(`Migrated the ${database.kind} database.`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
