import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, restrictToAppRole, type Database } from "@/db";
import { seedDemo } from "@/db/seed";
import { allowEmbeddedMaintenance, maintainEmbedded, scheduleEmbeddedMaintenance } from "@/db/pglite-maintenance";
import { createTestDatabase } from "./db";

// PGlite only: a PostgreSQL server runs its own autovacuum, and the app never vacuums it.
const onPglite = !process.env.TEST_DATABASE_URL;
const APP_ROLE = "stageline_app";
const WATCHED = ["check_ins", "client_status", "stage_assessments", "stage_spells"];
const IN_WATCHED = sql.raw(`relname in (${WATCHED.map((t) => `'${t}'`).join(", ")}) and relkind = 'r'`);

/**
 * The demo firm with its planner statistics wiped, as the owner: reltuples -1 is "never vacuumed
 * or analysed", which only a VACUUM or ANALYZE that really ran on the table overwrites (one that
 * lacks the right skips it with a warning, not an error). Returns the true row counts.
 */
async function wipedDemo(database: Database): Promise<Record<string, number>> {
  await seedDemo(database.db);
  // Dead rows, as every check-in leaves in the status table.
  await database.db.execute(sql`update client_status set updated_at = updated_at`);
  await database.db.execute(sql`update pg_class set reltuples = -1 where ${IN_WATCHED}`);
  const rows = await queryRows<{ t: string; n: number }>(
    database.db,
    sql.raw(WATCHED.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(" union all ")),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

async function statistics(database: Database): Promise<Record<string, number>> {
  const rows = await queryRows<{ t: string; n: number }>(database.db, sql`select relname as t, reltuples::int as n from pg_class where ${IN_WATCHED}`);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe.runIf(onPglite)("the embedded database vacuums itself (db/pglite-maintenance.ts)", () => {
  const open: Database[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  const fresh = async () => {
    const database = { ...(await createTestDatabase()), role: APP_ROLE };
    open.push(database);
    return database;
  };

  it("as the app's role, after the boot's grant: every table is vacuumed and analysed, and the role is still the app's", async () => {
    const database = await fresh();
    const counts = await wipedDemo(database);
    expect(counts.check_ins).toBeGreaterThan(100);
    await allowEmbeddedMaintenance(database.db, APP_ROLE);
    await restrictToAppRole(database);

    const pass = await maintainEmbedded(database.db);
    expect(pass.tables).toBeGreaterThanOrEqual(15);
    expect(pass.slowest?.ms).toBeGreaterThanOrEqual(0);
    expect(await statistics(database)).toEqual(counts);
    const [me] = await queryRows<{ name: string; bypass: boolean }>(database.db, sql`select current_user as name, rolbypassrls or rolsuper as bypass from pg_roles where rolname = current_user`);
    expect(me).toEqual({ name: APP_ROLE, bypass: false });
  });

  it("without the grant it refuses with a clear error, and nothing was vacuumed", async () => {
    const database = await fresh();
    await wipedDemo(database);
    await restrictToAppRole(database);
    await expect(maintainEmbedded(database.db)).rejects.toThrow(/may not vacuum \(pg_maintain was not granted at boot\)/);
    expect(Object.values(await statistics(database))).toEqual(WATCHED.map(() => -1));
  });

  it("the schedule runs a first pass after its delay, then again, and stops when told", async () => {
    const database = await fresh();
    const counts = await wipedDemo(database);
    await allowEmbeddedMaintenance(database.db, APP_ROLE);
    await restrictToAppRole(database);
    const stop = scheduleEmbeddedMaintenance(database.db, 20, 50);
    try {
      await vi.waitFor(async () => expect(await statistics(database)).toEqual(counts), { timeout: 10_000, interval: 25 });
      // Wiped again (as the owner: the app's role reads pg_class but cannot write it), the
      // statistics come back with a pass of the interval.
      await database.db.execute(sql`reset role`);
      await database.db.execute(sql`update pg_class set reltuples = -1 where ${IN_WATCHED}`);
      await restrictToAppRole(database);
      await vi.waitFor(async () => expect(await statistics(database)).toEqual(counts), { timeout: 10_000, interval: 25 });
    } finally {
      await stop();
    }
    await database.db.execute(sql`reset role`);
    await database.db.execute(sql`update pg_class set reltuples = -1 where ${IN_WATCHED}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(Object.values(await statistics(database))).toEqual(WATCHED.map(() => -1));
  });
});
