import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { inFirm } from "@/db/tenant";
import type { Database } from "@/db";
import { assignments, checkIns, clients, firms, stageAssessments, users } from "@/db/schema";
import { cohortClients, getCohorts, type CohortRow } from "@/db/queries/insight/cohorts";
import { defaultRange, type PortfolioFilters } from "@/db/queries/portfolio";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase, openDemoDatabase } from "./db";
import { deriveStoredStatus } from "./factory";

// A small fixed firm whose triangle is computed by hand. Range: 1 Jan to 15 Apr 2026.
//   Alpha   (Ann, cafe)   2 @01-05, 4 @02-10, 5 @03-31                 Jan cohort
//   Bravo   (Ann, retail) 3 @01-20, 4 @01-31, 3 @03-01                 Jan cohort, reaches 4 on a month's last day, regresses
//   Charlie (Ben, cafe)   1 @01-31, 2 @04-20                            Jan cohort, never 4 (the move is after the range)
//   Delta   (Ben, retail) 4 @03-03                                      Mar cohort
//   Echo    (Ann, cafe)   2 @03-15, 4 @04-15                            Mar cohort, reaches 4 on the range end itself
//   Foxtrot (Ann, cafe)   5 @03-20, archived on 04-01                   Mar cohort, leaves the denominator in April
//   Golf    (Ben, cafe)   4 @2025-12-20                                 Dec cohort: before the range
//   Hotel   (Ann, cafe)   3 @04-16                                      first check-in after the range end
//   India   (Ann, cafe)   no check-ins
//   Other firm: Zulu 6 @01-10
// No cohort starts in February, so it has no row.
let database: Database;
let manager: Actor, ann: Actor, ben: Actor, clientUser: Actor, otherManager: Actor;
const F: PortfolioFilters = { from: "2026-01-01", to: "2026-04-15" };

async function addClient(firmId: string, name: string, industry: string, consultantId: string, history: [string, number][], archivedOn?: string) {
  const db = database.db;
  const [c] = await db.insert(clients).values({ firmId, name, industry, archived: Boolean(archivedOn), archivedOn: archivedOn ?? null }).returning();
  await db.insert(assignments).values({ clientId: c!.id, consultantId });
  for (let seq = 0; seq < history.length; seq++) {
    const [date, stage] = history[seq]!;
    const [k] = await db.insert(checkIns).values({ clientId: c!.id, authorId: consultantId, date, postsLast30d: 0, rhythm: "none", replies: "none", results: "none" }).returning();
    await db.insert(stageAssessments).values({ checkInId: k!.id, clientId: c!.id, date, seq, stage, confidence: 0.8, reasons: [], missing: [] });
  }
  return c!.id;
}

const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });

/** A triangle as [cohort, size, [[month, asOf, clients, atOrAbove4], …]], easy to read against the table above. */
const names = (r: Awaited<ReturnType<typeof cohortClients>>) => r?.clients.map((c) => [c.name, c.stage, c.atOrAbove4]);
const compact = (rows: CohortRow[] | null) => rows?.map((r) => [r.cohort, r.size, r.cells.map((c) => [c.month, c.asOf, c.clients, c.atOrAbove4])]);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Cohort firm" }).returning();
  const [other] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const [m] = await db.insert(users).values({ firmId: firm!.id, email: "m@cohort.test", name: "Mia", role: "manager" }).returning();
  const [a] = await db.insert(users).values({ firmId: firm!.id, email: "ann@cohort.test", name: "Ann", role: "consultant" }).returning();
  const [b] = await db.insert(users).values({ firmId: firm!.id, email: "ben@cohort.test", name: "Ben", role: "consultant" }).returning();
  const [om] = await db.insert(users).values({ firmId: other!.id, email: "om@else.test", name: "Omar", role: "manager" }).returning();
  const [oc] = await db.insert(users).values({ firmId: other!.id, email: "oc@else.test", name: "Olli", role: "consultant" }).returning();
  manager = actorOf(m!);
  ann = actorOf(a!);
  ben = actorOf(b!);
  otherManager = actorOf(om!);
  const f = firm!.id;
  await addClient(f, "Alpha", "cafe", a!.id, [["2026-01-05", 2], ["2026-02-10", 4], ["2026-03-31", 5]]);
  await addClient(f, "Bravo", "retail", a!.id, [["2026-01-20", 3], ["2026-01-31", 4], ["2026-03-01", 3]]);
  await addClient(f, "Charlie", "cafe", b!.id, [["2026-01-31", 1], ["2026-04-20", 2]]);
  await addClient(f, "Delta", "retail", b!.id, [["2026-03-03", 4]]);
  await addClient(f, "Echo", "cafe", a!.id, [["2026-03-15", 2], ["2026-04-15", 4]]);
  await addClient(f, "Foxtrot", "cafe", a!.id, [["2026-03-20", 5]], "2026-04-01");
  await addClient(f, "Golf", "cafe", b!.id, [["2025-12-20", 4]]);
  await addClient(f, "Hotel", "cafe", a!.id, [["2026-04-16", 3]]);
  const india = await addClient(f, "India", "cafe", a!.id, []);
  await addClient(other!.id, "Zulu", "cafe", oc!.id, [["2026-01-10", 6]]);
  const [cu] = await db.insert(users).values({ firmId: f, email: "india@cohort.test", name: "Ina", role: "client", clientId: india }).returning();
  clientUser = actorOf(cu!);
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

describe("getCohorts on a hand-computed firm", () => {
  it("groups by the month of the first check-in and counts stage 4+ at each month's end (the range end in the last month)", async () => {
    const rows = await getCohorts(database.db, manager, F);
    expect(compact(rows)).toEqual([
      ["2026-01", 3, [
        ["2026-01", "2026-01-31", 3, 1], // Bravo reached 4 on the 31st
        ["2026-02", "2026-02-28", 3, 2], // Alpha and Bravo
        ["2026-03", "2026-03-31", 3, 1], // Bravo regressed; Alpha moved to 5 on the 31st
        ["2026-04", "2026-04-15", 3, 1], // Charlie's move on 20 Apr is after the range
      ]],
      ["2026-03", 3, [
        ["2026-03", "2026-03-31", 3, 2], // Delta and Foxtrot
        ["2026-04", "2026-04-15", 2, 2], // Foxtrot archived on 1 Apr: out of the denominator; Echo reached 4 on the range end
      ]],
    ]);
  });

  it("gives each cell its k and share", async () => {
    const rows = (await getCohorts(database.db, manager, F))!;
    expect(rows[0]!.cells.map((c) => [c.k, c.share])).toEqual([[0, 1 / 3], [1, 2 / 3], [2, 1 / 3], [3, 1 / 3]]);
    expect(rows[1]!.cells.map((c) => [c.k, c.share])).toEqual([[0, 2 / 3], [1, 1]]);
  });

  it("a cohort is a whole month: a range from mid-December takes December's cohort whole", async () => {
    const rows = await getCohorts(database.db, manager, { from: "2025-12-15", to: "2026-01-31" });
    expect(compact(rows)).toEqual([
      ["2025-12", 1, [["2025-12", "2025-12-31", 1, 1], ["2026-01", "2026-01-31", 1, 1]]],
      ["2026-01", 3, [["2026-01", "2026-01-31", 3, 1]]],
    ]);
  });

  it("a range ending mid-month leaves out clients whose first check-in comes after it", async () => {
    const rows = await getCohorts(database.db, manager, { from: "2026-03-01", to: "2026-03-16" });
    // Delta (3 Mar) at 4, Echo (15 Mar) at 2; Foxtrot starts on the 20th.
    expect(compact(rows)).toEqual([["2026-03", 2, [["2026-03", "2026-03-16", 2, 1]]]]);
  });

  it("the consultant and industry filters narrow the cohorts", async () => {
    expect(compact(await getCohorts(database.db, manager, { ...F, consultantId: ann.id }))).toEqual([
      ["2026-01", 2, [["2026-01", "2026-01-31", 2, 1], ["2026-02", "2026-02-28", 2, 2], ["2026-03", "2026-03-31", 2, 1], ["2026-04", "2026-04-15", 2, 1]]],
      ["2026-03", 2, [["2026-03", "2026-03-31", 2, 1], ["2026-04", "2026-04-15", 1, 1]]],
    ]);
    expect(compact(await getCohorts(database.db, manager, { ...F, consultantId: ben.id, industry: "retail" }))).toEqual([
      ["2026-03", 1, [["2026-03", "2026-03-31", 1, 1], ["2026-04", "2026-04-15", 1, 1]]],
    ]);
    expect(compact(await getCohorts(database.db, manager, { ...F, industry: "retail" }))).toEqual([
      ["2026-01", 1, [["2026-01", "2026-01-31", 1, 1], ["2026-02", "2026-02-28", 1, 1], ["2026-03", "2026-03-31", 1, 0], ["2026-04", "2026-04-15", 1, 0]]],
      ["2026-03", 1, [["2026-03", "2026-03-31", 1, 1], ["2026-04", "2026-04-15", 1, 1]]],
    ]);
  });

  it("a cohort whose every client was archived has no share", async () => {
    await database.db.update(clients).set({ archived: true, archivedOn: "2026-04-10" }).where(eq(clients.name, "Delta"));
    try {
      const rows = await getCohorts(database.db, manager, { ...F, consultantId: ben.id, industry: "retail" });
      expect(rows!.map((r) => r.cells.map((c) => [c.clients, c.atOrAbove4, c.share]))).toEqual([[[1, 1, 1], [0, 0, null]]]);
    } finally {
      await database.db.update(clients).set({ archived: false, archivedOn: null }).where(eq(clients.name, "Delta"));
    }
  });

  it("refuses unusable filters", async () => {
    expect(await getCohorts(database.db, manager, { ...F, from: "2026-05-01" })).toBeNull();
    expect(await getCohorts(database.db, manager, { ...F, to: "2026-02-30" })).toBeNull();
    expect(await getCohorts(database.db, manager, { ...F, consultantId: "x' or 1=1" })).toBeNull();
  });
});

describe("cohortClients: the clients behind a cell", () => {
  it("lists the cell's denominator with the stage at its day", async () => {
    const jan = await cohortClients(database.db, manager, F, "2026-01", 2);
    expect(jan).toMatchObject({ cohort: "2026-01", k: 2, month: "2026-03", asOf: "2026-03-31" });
    expect(names(jan)).toEqual([["Alpha", 5, true], ["Bravo", 3, false], ["Charlie", 1, false]]);
    expect(jan!.clients[0]).toMatchObject({ consultantId: ann.id, consultantName: "Ann" });
    expect(names(await cohortClients(database.db, manager, F, "2026-01", 0))).toEqual([["Alpha", 2, false], ["Bravo", 4, true], ["Charlie", 1, false]]);
    // April: Foxtrot was archived on the 1st; Echo reached 4 on the range end.
    const apr = await cohortClients(database.db, manager, F, "2026-03", 1);
    expect(apr).toMatchObject({ month: "2026-04", asOf: "2026-04-15" });
    expect(names(apr)).toEqual([["Delta", 4, true], ["Echo", 4, true]]);
    expect(names(await cohortClients(database.db, manager, F, "2026-03", 0))).toEqual([["Delta", 4, true], ["Echo", 2, false], ["Foxtrot", 5, true]]);
  });

  it("every cell's list matches its counts", async () => {
    for (const row of (await getCohorts(database.db, manager, F))!) {
      for (const cell of row.cells) {
        const list = (await cohortClients(database.db, manager, F, row.cohort, cell.k))!;
        expect([list.clients.length, list.clients.filter((c) => c.atOrAbove4).length]).toEqual([cell.clients, cell.atOrAbove4]);
        expect([list.total, list.reached]).toEqual([cell.clients, cell.atOrAbove4]);
      }
    }
  });

  it("comes a page at a time by name, each page with the whole cell's counts; past the end, empty with the counts", async () => {
    const whole = (await cohortClients(database.db, manager, F, "2026-01", 2))!;
    expect(whole).toMatchObject({ total: 3, reached: 1, page: 1, pageCount: 1 });
    const pages = [];
    for (let p = 1; p <= 2; p++) {
      const found = (await cohortClients(database.db, manager, F, "2026-01", 2, p, 2))!;
      expect(found).toMatchObject({ total: 3, reached: 1, page: p, pageCount: 2 });
      pages.push(...found.clients);
    }
    expect(pages).toEqual(whole.clients);
    expect(await cohortClients(database.db, manager, F, "2026-01", 2, 3, 2)).toMatchObject({ clients: [], total: 3, reached: 1, page: 3, pageCount: 2 });
    // A page number that is not one reads page 1.
    expect((await cohortClients(database.db, manager, F, "2026-01", 2, 0, 2))!.clients).toEqual(whole.clients.slice(0, 2));
  });

  it("keeps the filters", async () => {
    expect(names(await cohortClients(database.db, manager, { ...F, consultantId: ben.id }, "2026-01", 1))).toEqual([["Charlie", 1, false]]);
    expect(names(await cohortClients(database.db, manager, { ...F, industry: "retail" }, "2026-01", 1))).toEqual([["Bravo", 4, true]]);
  });

  it("a month without a cohort is an empty list; a cell outside the triangle or malformed is null", async () => {
    expect(names(await cohortClients(database.db, manager, F, "2026-02", 0))).toEqual([]);
    expect(await cohortClients(database.db, manager, F, "2026-01", 4)).toBeNull(); // May: after the range
    expect(await cohortClients(database.db, manager, F, "2025-12", 0)).toBeNull(); // before the range
    expect(await cohortClients(database.db, manager, F, "2026-13", 0)).toBeNull();
    expect(await cohortClients(database.db, manager, F, "2026-01", -1)).toBeNull();
    expect(await cohortClients(database.db, manager, F, "2026-01", 0.5)).toBeNull();
    expect(await cohortClients(database.db, manager, { ...F, to: "2026-02-30" }, "2026-01", 0)).toBeNull();
  });
});

describe("authorization", () => {
  it("a consultant or a client user gets null", async () => {
    expect(await getCohorts(database.db, ann, F)).toBeNull();
    expect(await getCohorts(database.db, clientUser, F)).toBeNull();
    expect(await cohortClients(database.db, ann, F, "2026-01", 0)).toBeNull();
    expect(await cohortClients(database.db, clientUser, F, "2026-01", 0)).toBeNull();
  });

  it("a manager of another firm sees only their own firm's cohorts", async () => {
    expect(compact(await getCohorts(database.db, otherManager, F))).toEqual([
      ["2026-01", 1, [["2026-01", "2026-01-31", 1, 1], ["2026-02", "2026-02-28", 1, 1], ["2026-03", "2026-03-31", 1, 1], ["2026-04", "2026-04-15", 1, 1]]],
    ]);
    expect(names(await cohortClients(database.db, otherManager, F, "2026-01", 0))).toEqual([["Zulu", 6, true]]);
    expect(names(await cohortClients(database.db, otherManager, F, "2026-03", 0))).toEqual([]);
  });
});

describe("row-level security", () => {
  it("as the app's role, inside the firm's transaction, the triangle and a cell's clients are the same", async () => {
    const owner = await getCohorts(database.db, manager, F);
    let asApp: unknown;
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local role stageline_app`);
        asApp = await inFirm(tx as unknown as Db, manager.firmId, async (db) => [await getCohorts(db, manager, F), names(await cohortClients(db, manager, F, "2026-03", 1))]);
        throw new Error("roll back");
      })
      .catch((e: Error) => {
        if (e.message !== "roll back") throw e;
      });
    expect(asApp).toEqual([owner, [["Delta", 4, true], ["Echo", 4, true]]]);
  });
});

describe("the demo firm", () => {
  it("has several cohorts over the default range, each with a cell per month since its start", async () => {
    const today = "2026-06-30";
    const demo = await openDemoDatabase(today);
    try {
      const m = await actorByEmail(demo.db, "manager@example.com");
      const rows = (await getCohorts(demo.db, m, { ...defaultRange(today) }))!;
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows) expect(r.cells.at(-1)!.month).toBe("2026-06");
      expect(rows.reduce((t, r) => t + r.size, 0)).toBeGreaterThanOrEqual(6);
    } finally {
      await demo.close();
    }
  });
});
