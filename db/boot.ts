import { getDatabase, loginOf, openDatabase, restrictToAppRole, type Database } from "./index";
import { migrateDatabase } from "./migrate";
import { checkReadReplica } from "./replica";
import { demoLoginsText, isDatabaseEmpty, seedDemo } from "./seed";
import { authSecret } from "../lib/env";
import { allowEmbeddedMaintenance, scheduleEmbeddedMaintenance } from "./pglite-maintenance";

/**
 * Runs once when the server starts: check the secret, migrate, and on a new embedded
 * database seed the demo firm, so `npm start` needs no set-up.
 */
export async function bootDatabase(): Promise<void> {
  authSecret(); // fails the start with a clear message when DATABASE_URL is set without AUTH_SECRET
  const database = await getDatabase();
  // Migrations and the seed run as the owner: a PostgreSQL pool of the app already acts as the
  // app's role, so they get a connection of their own, to PostgreSQL itself when DATABASE_URL
  // goes through a pooler (DATABASE_DIRECT_URL); the embedded database switches after.
  const owner = database.kind === "postgres" ? await openDatabase({ url: ownerUrl(database) }) : database;
  let empty: boolean;
  try {
    await migrateDatabase(owner);
    empty = await isDatabaseEmpty(owner.db);
    if (empty && owner.kind === "pglite") {
      const started = Date.now();
      const s = await seedDemo(owner.db);
      console.log(`[stageline] seeded the demo firm: ${s.clients} clients, ${s.checkIns} check-ins (${Date.now() - started} ms)`);
    } else if (empty) {
      console.log("[stageline] the PostgreSQL database is empty: run `npm run db:seed` to add the demo firm.");
    }
  } finally {
    if (owner !== database) await owner.close();
  }
  // The embedded database has no autovacuum: the server vacuums it (db/pglite-maintenance.ts).
  const embeddedRole = database.kind === "pglite" && database.role && database.role !== "none" ? database.role : null;
  if (embeddedRole) await allowEmbeddedMaintenance(database.db, embeddedRole);
  await restrictToAppRole(database);
  if (database.kind === "pglite") scheduleEmbeddedMaintenance(database.db);
  await checkReadReplica();
  console.log(`[stageline] database: ${database.kind}${database.directUrl ? " (migrations through DATABASE_DIRECT_URL)" : ""}`);
  if (database.kind === "pglite" || !empty) console.log(demoLoginsText());
}

/** The URL migrations use; the app's own role cannot migrate, so it needs DATABASE_DIRECT_URL. */
function ownerUrl(database: Database): string {
  if (database.directUrl) return database.directUrl;
  const url = database.url!;
  if (database.role && database.role !== "none" && loginOf(url) === database.role) {
    throw new Error(
      `DATABASE_URL logs in as the app's role "${database.role}", which cannot run migrations. ` +
        "Set DATABASE_DIRECT_URL to PostgreSQL itself, logging in as the owner of the tables (docs/scaling.md).",
    );
  }
  return url;
}

/** For the server: a failed boot prints why and stops the process instead of serving errors. */
export async function bootOrExit(): Promise<void> {
  try {
    await bootDatabase();
  } catch (err) {
    console.error(`\n[stageline] cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
