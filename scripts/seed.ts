// `npm run db:seed [-- --reset]`: add the demo firm to the configured database.
import { env } from "../lib/env";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";
import { demoLoginsText, isDatabaseEmpty, resetDatabase, seedDemo } from "../db/seed";

async function main() {
  const reset = process.argv.includes("--reset");
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, purpose: "npm run db:seed" });
  try {
    await migrateDatabase(database);
    if (!(await isDatabaseEmpty(database.db))) {
      if (!reset) {
        console.error("The database already holds data; the seed only fills an empty one. Run `npm run db:seed -- --reset` to wipe it and seed again.");
        process.exitCode = 1;
        return;
      }
      await resetDatabase(database.db);
    }
    const s = await seedDemo(database.db);
    console.log(`Seeded ${database.kind}: ${s.firms} firms, ${s.users} users, ${s.clients} clients, ${s.checkIns} check-ins.`);
    console.log(demoLoginsText());
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
