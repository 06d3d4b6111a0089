import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, restrictToAppRole, type Database, type Db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { PROBE_EVERY_MS, ReadRouter, probeReplica, type ReplicaProbe } from "@/db/replica";
import { inFirm } from "@/db/tenant";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import { exportEndpoint } from "@/lib/api/handlers/transfer";
import { actorOf, call } from "./api/helpers";
import { createTestDatabase, withDatabase } from "./db";

// The optional read replica (DATABASE_READ_URL, db/replica.ts, docs/scaling.md): which database a
// read goes to, and that the portfolio and exports really read there, still scoped to the firm.

describe("ReadRouter: replica or primary", () => {
  const primary = { name: "primary" } as unknown as Db;
  const replica = { name: "replica" } as unknown as Db;
  const router = (probes: (ReplicaProbe | Error)[], maxLagSeconds = 30) => {
    let t = 1_000_000;
    let calls = 0;
    const r = new ReadRouter(primary, replica, {
      maxLagSeconds,
      now: () => t,
      probe: async () => {
        const p = probes[Math.min(calls++, probes.length - 1)]!;
        if (p instanceof Error) throw p;
        return p;
      },
    });
    return { r, advance: (ms: number) => (t += ms), calls: () => calls, now: () => t };
  };

  it("without a replica, reads the primary, fresh as of now", async () => {
    const r = new ReadRouter(primary, null, { maxLagSeconds: 30, now: () => 5000 });
    expect(await r.choose()).toEqual({ db: primary, replica: false, asOf: new Date(5000) });
  });

  it("reads the replica within the tolerated lag; asOf is the probe's time less the lag", async () => {
    const { r, now } = router([{ lagSeconds: 2, bypassesRls: false }]);
    const c = await r.choose();
    expect(c.db).toBe(replica);
    expect(c.asOf.getTime()).toBe(now() - 2000);
  });

  it("falls back to the primary while the replica lags too far, fails, or could bypass the policies", async () => {
    const lagging = router([{ lagSeconds: 45, bypassesRls: false }, { lagSeconds: 1, bypassesRls: false }]);
    expect((await lagging.r.choose()).db).toBe(primary);
    lagging.advance(PROBE_EVERY_MS);
    expect((await lagging.r.choose()).db).toBe(replica); // caught up: back on the replica
    const down = router([new Error("connection refused")]);
    expect(await down.r.choose()).toMatchObject({ db: primary, replica: false });
    const unsafe = router([{ lagSeconds: 0, bypassesRls: true }]);
    expect((await unsafe.r.choose()).db).toBe(primary);
  });

  it("probes at most once per interval, once for concurrent reads", async () => {
    const { r, advance, calls } = router([{ lagSeconds: 0, bypassesRls: false }]);
    await Promise.all([r.choose(), r.choose(), r.choose()]);
    expect(calls()).toBe(1);
    advance(PROBE_EVERY_MS - 1);
    await r.choose();
    expect(calls()).toBe(1);
    advance(1);
    await r.choose();
    expect(calls()).toBe(2);
  });

  it("the probe's SQL runs on this database: not a standby, so no lag", async () => {
    const database = await createTestDatabase();
    try {
      const p = await probeReplica(database.db);
      expect(p.lagSeconds).toBe(0);
      expect(typeof p.bypassesRls).toBe("boolean");
    } finally {
      await database.close();
    }
  });
});

// A real replica needs a second server; a copy of the primary's database (CREATE DATABASE …
// TEMPLATE) stands in for one that stopped replaying at the copy. What is changed afterwards on
// one side only shows which database an answer came from.
const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)("the portfolio and exports through a read pool (PostgreSQL)", () => {
  const direct = process.env.TEST_DATABASE_DIRECT_URL || url!;
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const names = { primary: `stageline_rp_${suffix}`, replica: `stageline_rr_${suffix}` };
  let primary: Database;
  let replica: Database;
  let router: ReadRouter;

  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: direct });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${names.primary}`);
    // Migrate and seed over a direct connection only, so nothing (PgBouncer included) holds a
    // connection to the primary's database when it is copied.
    const setup = await openDatabase({ url: withDatabase(direct, names.primary) });
    await migrateDatabase(setup);
    const { seedDemo } = await import("@/db/seed");
    await seedDemo(setup.db, { today: "2026-06-30" });
    await setup.close();
    await admin(`create database ${names.replica} template ${names.primary}`);

    primary = await openDatabase({ url: withDatabase(url!, names.primary), directUrl: withDatabase(direct, names.primary) });
    // The read pool as the app opens it: as the app's role, named in pg_stat_activity.
    replica = await openDatabase({ url: withDatabase(direct, names.replica), role: "stageline_app", applicationName: "stageline-read" });
    await restrictToAppRole(replica);
    router = new ReadRouter(primary.db, replica.db, { maxLagSeconds: 30 });
    // Marks that exist on the replica only.
    const owner = await openDatabase({ url: withDatabase(direct, names.replica) });
    await owner.db.execute(sql`update users set name = 'Read From Replica' where email = 'consultant@example.com'`);
    await owner.db.execute(sql`update clients set name = 'Replica Bakery' where name = 'Rosa''s Bakery'`);
    await owner.close();
  });

  afterAll(async () => {
    await primary?.close();
    await replica?.close();
    for (const n of [names.primary, names.replica]) await admin(`drop database if exists ${n} with (force)`);
  });

  it("the router picks the replica: it answers, is not a standby, and its role cannot bypass the policies", async () => {
    const choice = await router.choose();
    expect(choice.replica).toBe(true);
    expect(choice.db).toBe(replica.db);
    expect(router.lastProbe).toEqual({ lagSeconds: 0, bypassesRls: false });
    const [me] = await queryRows<{ user: string; app: string }>(replica.db, sql`select current_user as user, current_setting('application_name') as app`);
    expect(me).toEqual({ user: "stageline_app", app: "stageline-read" });
  });

  it("GET /api/v1/portfolio reads the replica when given it, the primary otherwise", async () => {
    const manager = await actorOf(primary, "manager@example.com");
    const path = "/api/v1/portfolio?from=2025-07-01&to=2026-06-30";
    const fromReplica = await call(primary, portfolioEndpoint, { path, session: manager, deps: { readDb: (await router.choose()).db } });
    const fromPrimary = await call(primary, portfolioEndpoint, { path, session: manager });
    expect(fromReplica.status).toBe(200);
    expect(fromPrimary.status).toBe(200);
    const names = (body: any) => body.consultants.map((c: any) => c.consultantName);
    expect(names(fromReplica.body)).toContain("Read From Replica");
    expect(names(fromPrimary.body)).not.toContain("Read From Replica");
    // Apart from the mark, the same numbers: the replica is the same data.
    expect(fromReplica.body.totalClients).toBe(fromPrimary.body.totalClients);
    expect(fromReplica.body.distribution).toEqual(fromPrimary.body.distribution);
  });

  it("the export reads the replica too", async () => {
    const consultant = await actorOf(primary, "consultant@example.com");
    const path = "/api/v1/export?format=csv";
    const fromReplica = await call(primary, exportEndpoint, { path, session: consultant, deps: { readDb: replica.db } });
    const fromPrimary = await call(primary, exportEndpoint, { path, session: consultant });
    expect(fromReplica.status).toBe(200);
    expect(fromReplica.text).toContain("Replica Bakery");
    expect(fromReplica.text).not.toContain("Rosa's Bakery");
    expect(fromPrimary.text).toContain("Rosa's Bakery");
  });

  it("on the read pool, row-level security scopes every read to the firm, as on the primary", async () => {
    const manager = await actorOf(primary, "manager@example.com");
    const other = await actorOf(primary, "other-manager@example.org");
    // No firm named: nothing at all.
    const [bare] = await queryRows<{ n: number }>(replica.db, sql`select count(*)::int as n from clients`);
    expect(bare!.n).toBe(0);
    const firmsSeen = await inFirm(replica.db, manager.firmId, async (db) => queryRows<{ firm_id: string }>(db, sql`select distinct firm_id from clients`));
    expect(firmsSeen.map((r) => r.firm_id)).toEqual([manager.firmId]);
    // The other firm's manager, through the replica, sees none of Northwind.
    const res = await call(primary, portfolioEndpoint, { path: "/api/v1/portfolio", session: other, deps: { readDb: replica.db } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("Read From Replica");
    expect(res.body.totalClients).toBeLessThan((await call(primary, portfolioEndpoint, { path: "/api/v1/portfolio", session: manager, deps: { readDb: replica.db } })).body.totalClients);
  });
});
