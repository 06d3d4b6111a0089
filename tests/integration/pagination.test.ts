// Keyset pages of the API lists and numbered pages of /clients: every row exactly once, in the
// order of the unpaged list, with filters applied in SQL. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { checkIns } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createClient } from "@/db/queries/clients";
import { createCheckIn, listCheckInsWithStages } from "@/db/queries/checkins";
import type { CheckInFields } from "@/lib/checkin-format/types";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { clampPage, clientStatusPageSql, listClientPage, listClientStatusPage, listClientsForList } from "@/db/queries/client-status";
import { listCheckInsEndpoint } from "@/lib/api/handlers/checkins";
import { listClientsEndpoint } from "@/lib/api/handlers/clients";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";
import { call } from "./api/helpers";

let database: Database;
let consultant: Actor;
let manager: Actor;
let clientId: string;
const created: string[] = [];
const TODAY = "2026-11-20";
const DATE = "2026-05-01";

const FIELDS: CheckInFields = {
  date: DATE, consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7,
  replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "hopeful", followers: null, notes: null,
};

// Five check-ins on one date, different content, so the engine orders them by content, not by insertion.
const VARIANTS: Partial<CheckInFields>[] = [
  { postsLast30d: 20, rhythm: "scheduled", replies: "consistent", results: "some", notes: "e" },
  { postsLast30d: 0, notes: "a" },
  { postsLast30d: 12, rhythm: "scheduled", replies: "some", notes: "d" },
  { postsLast30d: 1, accounts: ["facebook", "x"], notes: "b" },
  { postsLast30d: 6, rhythm: "scheduled", notes: "c" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: TODAY });
  consultant = await actorByEmail(database.db, "consultant@example.com");
  manager = await actorByEmail(database.db, "manager@example.com");
  const c = await createClient(database.db, consultant, { name: "Zz Same Day Pages" });
  clientId = c!.id;
  for (const v of VARIANTS) created.push((await createCheckIn(database.db, consultant, clientId, { ...FIELDS, ...v }))!.checkIn.id);
  // A check-in without a stored assessment must still appear exactly once.
  await database.db.insert(checkIns).values({ clientId, authorId: consultant.id, date: DATE, postsLast30d: 2, rhythm: "sporadic", replies: "none", results: "none" });
});
afterAll(async () => database?.close());
class RollBack extends Error {}

const names = async (actor: Actor, q: Parameters<typeof listClientsForList>[2] = {}) => (await listClientsForList(database.db, actor, { today: TODAY, ...q })).map((c) => c.id);

/** Follows nextCursor from the first page to the last, collecting the ids. */
async function pageThrough(endpoint: typeof listClientsEndpoint, path: string, session: Actor, params: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(database, endpoint, { path: path + (cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""), params, session });
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("no last page");
}

describe("GET /api/v1/clients/{id}/checkins pages", () => {
  it("with limit=1, each same-day check-in appears exactly once, in the unpaged order", async () => {
    const unpaged = (await listCheckInsWithStages(database.db, consultant, clientId))!.map((r) => r.id);
    expect(unpaged).toHaveLength(6);
    // The engine orders these same-day check-ins by content, not by creation (what the old cursor assumed).
    expect(unpaged.slice(0, 5)).not.toEqual(created);
    expect([...unpaged.slice(0, 5)].sort()).toEqual([...created].sort());
    const all = await call(database, listCheckInsEndpoint, { path: `/api/v1/clients/${clientId}/checkins?limit=100`, params: { id: clientId }, session: consultant });
    expect(all.body.data.map((r: { id: string }) => r.id)).toEqual(unpaged);
    const paged = await pageThrough(listCheckInsEndpoint, `/api/v1/clients/${clientId}/checkins?limit=1`, consultant, { id: clientId });
    expect(paged).toEqual(unpaged);
    for (const limit of [2, 4]) {
      expect(await pageThrough(listCheckInsEndpoint, `/api/v1/clients/${clientId}/checkins?limit=${limit}`, consultant, { id: clientId })).toEqual(unpaged);
    }
  });

  it("a malformed cursor is a 400 with the usual error shape", async () => {
    for (const cursor of ["garbage", Buffer.from('{"d":"2026-01-01","c":"x","id":"y"}').toString("base64url"), Buffer.from('{"s":1,"d":"x","id":"1"}').toString("base64url"),
      Buffer.from(`{"s":1,"d":"2026-02-31","id":"${clientId}"}`).toString("base64url"), Buffer.from(`{"s":99999999999,"d":"2026-02-01","id":"${clientId}"}`).toString("base64url")]) {
      const res = await call(database, listCheckInsEndpoint, { path: `/api/v1/clients/${clientId}/checkins?cursor=${cursor}`, params: { id: clientId }, session: consultant });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "bad_request" });
    }
  });
});

describe("GET /api/v1/clients pages", () => {
  it("with limit=1, every visible client exactly once, by name", async () => {
    const expected = await names(manager);
    expect(expected.length).toBeGreaterThan(10);
    expect(await pageThrough(listClientsEndpoint, "/api/v1/clients?limit=1", manager)).toEqual(expected);
    expect(await pageThrough(listClientsEndpoint, "/api/v1/clients?limit=7", manager)).toEqual(expected);
  });

  it("with the stage and q filters applied in SQL", async () => {
    for (const stage of [1, 2, 3, 4, 5, 6]) {
      expect(await pageThrough(listClientsEndpoint, `/api/v1/clients?limit=1&stage=${stage}`, manager)).toEqual(await names(manager, { stage }));
    }
    const withE = await names(manager, { q: "e" });
    expect(withE.length).toBeGreaterThan(1);
    expect(await pageThrough(listClientsEndpoint, "/api/v1/clients?limit=1&q=E", manager)).toEqual(withE);
    expect(await pageThrough(listClientsEndpoint, "/api/v1/clients?limit=1&q=e&stage=2", manager)).toEqual(await names(manager, { q: "e", stage: 2 }));
    expect(await pageThrough(listClientsEndpoint, "/api/v1/clients?limit=1&q=%25", manager)).toEqual([]);
  });

  it("a cursor starts the index scan at its name under row-level security, so a late page reads no more than the first", async () => {
    // As the app's role (the policies on), with sequential scans priced out so the plan shows
    // which conditions the index takes. A cursor on lower(name) could only filter a scan that
    // starts at the firm's first client: lower() is not leakproof.
    const rows = await listClientStatusPage(database.db, consultant, { limit: 3, today: TODAY });
    const last = rows.rows[2]!;
    let plan = "";
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local role stageline_app`);
        await tx.execute(sql`select set_config('app.firm_id', ${consultant.firmId}, true)`);
        await tx.execute(sql`set local enable_seqscan = off`);
        const query = await clientStatusPageSql(tx, consultant, { limit: 3, today: TODAY, after: { n: last.name.toLowerCase(), id: last.id } });
        plan = (await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain ${query}`)).map((r) => r["QUERY PLAN"]).join("\n");
        throw new RollBack();
      })
      .catch((e) => {
        if (!(e instanceof RollBack)) throw e;
      });
    expect(plan).toMatch(/clients_firm_name_key_idx/);
    expect(plan).toMatch(/Index Cond: \(\(firm_id = [^\n]*name_key >= /);
  });

  it("a malformed cursor is a 400", async () => {
    for (const cursor of ["%%%", Buffer.from('{"n":"a"}').toString("base64url"), Buffer.from('{"n":"a","id":"nope"}').toString("base64url"), Buffer.from(`{"n":"a\\u0000","id":"${clientId}"}`).toString("base64url")]) {
      const res = await call(database, listClientsEndpoint, { path: `/api/v1/clients?cursor=${encodeURIComponent(cursor)}`, session: manager });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "bad_request" });
    }
  });
});

describe("the /clients page query", () => {
  it("pages of a given size, with the total, in the unpaged order, for every sort and filter", async () => {
    const queries = [{}, { dir: "desc" as const }, { q: "a" }, { q: "A", dir: "desc" as const }, { archived: true }, { sort: "stage" as const, dir: "desc" as const }, { sort: "flags" as const }, { sort: "lastCheckIn" as const }, { q: "a", sort: "daysInStage" as const }, { stage: 2 }, { flag: "stalled" as const }, { stage: "none" as const }];
    for (const q of queries) {
      const query = { today: TODAY, ...q };
      const expected = await names(manager, q);
      const first = await listClientPage(database.db, manager, query, 1, 4);
      expect(first.total).toBe(expected.length);
      expect(first.pageCount).toBe(Math.max(1, Math.ceil(expected.length / 4)));
      const ids: string[] = [];
      for (let p = 1; p <= first.pageCount; p++) ids.push(...(await listClientPage(database.db, manager, query, p, 4)).rows.map((r) => r.id));
      expect(ids).toEqual(expected);
    }
  });

  it("bounds the page number: garbage gives page 1, too large gives the last page", async () => {
    const last = await listClientPage(database.db, manager, { today: TODAY }, "999999999999999999999", 5);
    expect(last.page).toBe(last.pageCount);
    expect(last.rows.length).toBeGreaterThan(0);
    for (const raw of ["", "abc", "-3", "0", "1e400", undefined]) expect((await listClientPage(database.db, manager, { today: TODAY }, raw, 5)).page).toBe(1);
    expect((await listClientPage(database.db, manager, { today: TODAY, q: "\u0000" }, 1, 5)).total).toBe(last.total);
    expect(clampPage("2.7", 10)).toBe(2);
    expect(clampPage("7", 3)).toBe(3);
    expect(clampPage("3", 0)).toBe(1);
  });
});
