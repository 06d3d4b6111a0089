import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "@/db";
import { inFirm } from "@/db/tenant";
import { seedDemo } from "@/db/seed";
import { checkConsistency } from "@/db/queries/consistency";
import { listClientPage } from "@/db/queries/client-status";
import { listClientsEndpoint } from "@/lib/api/handlers/clients";
import { createCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";
import { VALID_CHECKIN, call, tokenFor } from "./api/helpers";

// Named statements (db/named-statements.ts) on PostgreSQL itself: the app's pools name every
// statement with parameters, and PostgreSQL's plan cache moves each to a generic plan after five
// custom ones. Here a pool with names and a pool without, on the same database as the app's role
// (row-level security on), must give the same answers after the switch to generic plans, and
// writes through the named pool must leave the stored history equal to a recomputation.
// In CI this suite runs through PgBouncer 1.18, which cannot keep names (DATABASE_NAMED_STATEMENTS
// =off there): these pools connect to TEST_DATABASE_DIRECT_URL, PostgreSQL itself.

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const TODAY = "2026-11-20";
const RUNS = 7;

let database: Database & { label: string };
let named: Database;
let unnamed: Database;
let manager: Actor;
let consultant: Actor;

describe.skipIf(!onPostgres)("named statements on PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { today: TODAY });
    const url = database.directUrl ?? database.url!;
    named = await openDatabase({ url, role: "stageline_app", namedStatements: true });
    unnamed = await openDatabase({ url, role: "stageline_app", namedStatements: false });
    manager = await actorByEmail(database.db, "manager@example.com");
    consultant = await actorByEmail(database.db, "consultant@example.com");
  });
  afterAll(async () => {
    await named?.close();
    await unnamed?.close();
    await database?.close();
  });

  it("sends a statement with parameters under one name, which the server connection keeps and plans generically after five runs", async () => {
    const prepared = await inFirm(named.db, consultant.firmId, async (tx) => {
      for (let k = 0; k < RUNS; k++) await queryRows(tx, sql`select count(*)::int as n from clients where archived = ${false} and name <> ${`no such client ${k}`}`);
      return queryRows<{ name: string; statement: string; generic_plans: number; custom_plans: number }>(
        tx,
        sql.raw("select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%no such%' or statement like '%archived = $1%'"),
      );
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^sl_/);
    expect(prepared[0]!.generic_plans + prepared[0]!.custom_plans).toBe(RUNS);
    expect(prepared[0]!.generic_plans).toBeGreaterThan(0);

    const none = await inFirm(unnamed.db, consultant.firmId, async (tx) => {
      await queryRows(tx, sql`select count(*)::int as n from clients where archived = ${false}`);
      return queryRows(tx, sql.raw("select name from pg_prepared_statements"));
    });
    expect(none).toEqual([]);
  });

  it("lists clients, on pages and through the API, as the unnamed pool does once the plans are generic", async () => {
    const token = await tokenFor(database, "consultant@example.com");
    for (const actor of [consultant, manager]) {
      for (const query of [{ today: TODAY }, { today: TODAY, sort: "stage" as const }, { today: TODAY, q: "a" }]) {
        const list = (db: Database) => inFirm(db.db, actor.firmId, (tx) => listClientPage(tx, actor, query, 2, 10));
        let last: unknown;
        for (let k = 0; k < RUNS; k++) last = await list(named);
        expect(last, `${actor.email} ${JSON.stringify(query)}`).toEqual(await list(unnamed));
      }
    }
    const first = (db: Database) => call(db, listClientsEndpoint, { path: "/api/v1/clients?limit=5", token });
    let fromNamed = await first(named);
    for (let k = 1; k < RUNS; k++) fromNamed = await first(named);
    const fromUnnamed = await first(unnamed);
    expect(fromNamed.status).toBe(200);
    expect(fromNamed.body).toEqual(fromUnnamed.body);
    const cursor = fromNamed.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    const next = (db: Database) => call(db, listClientsEndpoint, { path: `/api/v1/clients?limit=5&cursor=${encodeURIComponent(cursor)}`, token });
    for (let k = 0; k < RUNS; k++) fromNamed = await next(named);
    expect(fromNamed.body).toEqual((await next(unnamed)).body);
  });

  it("draws the portfolio as the unnamed pool does", async () => {
    const token = await tokenFor(database, "manager@example.com");
    const portfolio = (db: Database) => call(db, portfolioEndpoint, { path: `/api/v1/portfolio?from=2025-11-20&to=${TODAY}`, token });
    let fromNamed = await portfolio(named);
    for (let k = 1; k < RUNS; k++) fromNamed = await portfolio(named);
    expect(fromNamed.status).toBe(200);
    expect(fromNamed.body).toEqual((await portfolio(unnamed)).body);
  });

  it("writes check-ins whose stored history equals a recomputation", async () => {
    const token = await tokenFor(database, "consultant@example.com");
    const listed = await call(named, listClientsEndpoint, { path: "/api/v1/clients?limit=10", token });
    const ids = (listed.body.data as { id: string }[]).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(RUNS);
    for (let k = 0; k < RUNS; k++) {
      const id = ids[k]!;
      const r = await call(named, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${id}/checkins`, params: { id }, token, json: { ...VALID_CHECKIN, date: `2026-11-${String(10 + k).padStart(2, "0")}` } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const findings = await checkConsistency(database.db);
    expect(findings.filter((f) => f.count > 0)).toEqual([]);
  });
});
