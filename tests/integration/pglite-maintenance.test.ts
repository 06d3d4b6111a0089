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
 * The demo firm with its planner statistics wiped, as the owner. reltuples -1 is "never vacuumed
 * or analysed", which a VACUUM that really ran on the table overwrites; pg_statistic holds what only
 * ANALYZE writes. A VACUUM that lacks the right skips the table with a warning, not an error.
 * Returns the true row counts.
 */
async function wipedDemo(database: Database): Promise<Record<string, number>> {
  await seedDemo(database.db);
  // Dead rows, as every check-in leaves in the status table.
  await database.db.execute(sql`update client_status set updated_at = updated_at`);
  await wipe(database);
  const rows = await queryRows<{ t: string; n: number }>(
    database.db,
    sql.raw(WATCHED.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(" union all ")),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** As the owner (the app's role reads pg_class but cannot write it, and cannot read pg_statistic). */
async function asOwner<T>(database: Database, run: () => Promise<T>): Promise<T> {
  await database.db.execute(sql`reset role`);
  try {
    return await run();
  } finally {
    if (database.role) await database.db.execute(sql.raw(`set role ${database.role}`));
  }
}

async function wipe(database: Database): Promise<void> {
  await database.db.execute(sql`update pg_class set reltuples = -1 where ${IN_WATCHED}`);
  await database.db.execute(sql`delete from pg_statistic where starelid in (select oid from pg_class where ${IN_WATCHED})`);
}

/** Per watched table: its reltuples, and how many columns ANALYZE has described. */
async function statistics(database: Database): Promise<{ tuples: Record<string, number>; analysed: Record<string, number> }> {
  const rows = await asOwner(database, () =>
    queryRows<{ t: string; n: number; cols: number }>(
      database.db,
      sql`select relname as t, reltuples::int as n, (select count(*)::int from pg_statistic s where s.starelid = c.oid) as cols from pg_class c where ${IN_WATCHED}`,
    ),
  );
  return { tuples: Object.fromEntries(rows.map((r) => [r.t, r.n])), analysed: Object.fromEntries(rows.map((r) => [r.t, r.cols])) };
}

const none = () => Object.fromEntries(WATCHED.map((t) => [t, 0]));
const unknown = () => Object.fromEntries(WATCHED.map((t) => [t, -1]));

describe.runIf(onPglite)("the embedded database vacuums itself (db/pglite-maintenance.ts)", () => {
  const open: Database[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  /** The demo firm, wiped, and the role switched as boot does (`grant`: boot's grant first). */
  const booted = async (grant: boolean) => {
    const database = { ...(await createTestDatabase()), role: APP_ROLE };
    open.push(database);
    const counts = await wipedDemo(database);
    if (grant) await allowEmbeddedMaintenance(database.db, APP_ROLE);
    await restrictToAppRole(database);
    return { database, counts };
  };

  it("as the app's role, after the boot's grant: every table vacuumed, analysed only when asked, and the role is still the app's", async () => {
    const { database, counts } = await booted(true);
    expect(counts.check_ins).toBeGreaterThan(100);

    const vacuumed = await maintainEmbedded(database.db, { analyze: false });
    expect(vacuumed).toMatchObject({ analyzed: false, tables: expect.any(Number) });
    expect(vacuumed.tables).toBeGreaterThanOrEqual(15);
    expect(await statistics(database)).toEqual({ tuples: counts, analysed: none() });

    await asOwner(database, () => wipe(database));
    const analysed = await maintainEmbedded(database.db, { analyze: true });
    expect(analysed.analyzed).toBe(true);
    const after = await statistics(database);
    expect(after.tuples).toEqual(counts);
    for (const t of WATCHED) expect(after.analysed[t], t).toBeGreaterThan(5);

    const [me] = await queryRows<{ name: string; bypass: boolean }>(database.db, sql`select current_user as name, rolbypassrls or rolsuper as bypass from pg_roles where rolname = current_user`);
    expect(me).toEqual({ name: APP_ROLE, bypass: false });
  });

  it("without the grant it refuses with a clear error, and nothing was vacuumed", async () => {
    const { database } = await booted(false);
    await expect(maintainEmbedded(database.db, { analyze: true })).rejects.toThrow(/may not vacuum \(pg_maintain was not granted at boot\)/);
    expect(await statistics(database)).toEqual({ tuples: unknown(), analysed: none() });
  });

  it("the schedule analyses in its first pass, then vacuums each interval, analysing again only when that is due, and stops when told", async () => {
    const { database, counts } = await booted(true);
    const stop = scheduleEmbeddedMaintenance(database.db, { firstMs: 20, everyMs: 50, analyzeEveryMs: 60_000 });
    try {
      await vi.waitFor(async () => expect((await statistics(database)).tuples).toEqual(counts), { timeout: 10_000, interval: 25 });
      const first = await statistics(database);
      for (const t of WATCHED) expect(first.analysed[t], t).toBeGreaterThan(5);
      // Wiped again, with new dead rows in the two tables every check-in rewrites (VACUUM skips
      // the pages it has seen clean, and with them their row count): a pass of the interval
      // counts those two again, but analyses nothing.
      await asOwner(database, async () => {
        await database.db.execute(sql`update client_status set updated_at = updated_at`);
        await database.db.execute(sql`update stage_spells set stage = stage`);
        await wipe(database);
      });
      const rewritten = (x: Record<string, number>) => ({ client_status: x.client_status, stage_spells: x.stage_spells });
      await vi.waitFor(async () => expect(rewritten((await statistics(database)).tuples)).toEqual(rewritten(counts)), { timeout: 10_000, interval: 25 });
      expect((await statistics(database)).analysed).toEqual(none());
    } finally {
      await stop();
    }
    await asOwner(database, () => wipe(database));
    await new Promise((r) => setTimeout(r, 300));
    expect((await statistics(database)).tuples).toEqual(unknown());
  });

  it("a schedule whose analysis is due analyses again", async () => {
    const { database } = await booted(true);
    const stop = scheduleEmbeddedMaintenance(database.db, { firstMs: 20, everyMs: 50, analyzeEveryMs: 0 });
    try {
      await vi.waitFor(async () => expect(Object.values((await statistics(database)).analysed).every((n) => n > 5)).toBe(true), { timeout: 10_000, interval: 25 });
      await asOwner(database, () => wipe(database));
      await vi.waitFor(async () => expect(Object.values((await statistics(database)).analysed).every((n) => n > 5)).toBe(true), { timeout: 10_000, interval: 25 });
    } finally {
      await stop();
    }
  });
});
