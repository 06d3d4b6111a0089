import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "@/db";
import { sql } from "drizzle-orm";
import { inFirmSideBySide, inFirmSideBySideParts } from "@/db/tenant";
import { portfolioPageData, portfolioPageParts } from "@/db/queries/portfolio-page";
import { assignments, checkIns, clients, firms, selfAssessments, stageAssessments, stageOverrides, users } from "@/db/schema";
import { firstClientsPerConsultant, getPortfolio, portfolioClients, portfolioFilterOptions, portfolioClientsPage, type PortfolioFilters } from "@/db/queries/portfolio";
import { listAttention, listClientStatus } from "@/db/queries/client-status";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";

// A small fixed firm whose every figure is computed by hand below.
//   Alpha   (Ann, cafe)   1 @2025-12-10, 2 @2026-01-15, 3 @2026-03-10, 4 @2026-03-25  (moves twice in March)
//   Bravo   (Ann, retail) 3 @2026-02-01, 2 @2026-04-05, 2 @2026-06-20                 (regressed)
//   Charlie (Ann, retail) no check-ins
//   Delta   (Ben, cafe)   4 @2025-11-30, 5 @2026-05-31                                 (month-end attribution)
//   Echo    (Ben, cafe)   2 @2026-01-31
//   Other firm: Zulu 6 @2026-02-01
let database: Database;
let manager: Actor, ann: Actor, ben: Actor, clientUser: Actor, otherManager: Actor;
const ids: Record<string, string> = {};
const F: PortfolioFilters = { from: "2026-01-01", to: "2026-06-30", today: "2026-06-30" };

async function addClient(firmId: string, name: string, industry: string, consultantId: string, history: [string, number][]) {
  const db = database.db;
  const [c] = await db.insert(clients).values({ firmId, name, industry, createdAt: new Date("2025-01-01T12:00:00Z") }).returning();
  await db.insert(assignments).values({ clientId: c.id, consultantId });
  for (let seq = 0; seq < history.length; seq++) {
    const [date, stage] = history[seq];
    const [k] = await db.insert(checkIns).values({ clientId: c.id, authorId: consultantId, date, postsLast30d: 0, rhythm: "none", replies: "none", results: "none" }).returning();
    await db.insert(stageAssessments).values({ checkInId: k.id, clientId: c.id, date, seq, stage, confidence: 0.8, reasons: [], missing: [] });
  }
  ids[name] = c.id;
  return c.id;
}

const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });
const names = (rows: { name: string }[] | null) => rows?.map((r) => r.name);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Fixed" }).returning();
  const [other] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const [m] = await db.insert(users).values({ firmId: firm.id, email: "m@fixed.test", name: "Mia", role: "manager" }).returning();
  const [a] = await db.insert(users).values({ firmId: firm.id, email: "ann@fixed.test", name: "Ann", role: "consultant" }).returning();
  const [b] = await db.insert(users).values({ firmId: firm.id, email: "ben@fixed.test", name: "Ben", role: "consultant" }).returning();
  const [om] = await db.insert(users).values({ firmId: other.id, email: "om@else.test", name: "Omar", role: "manager" }).returning();
  const [oc] = await db.insert(users).values({ firmId: other.id, email: "oc@else.test", name: "Olli", role: "consultant" }).returning();
  manager = actorOf(m);
  ann = actorOf(a);
  ben = actorOf(b);
  otherManager = actorOf(om);
  await addClient(firm.id, "Alpha", "cafe", a.id, [["2025-12-10", 1], ["2026-01-15", 2], ["2026-03-10", 3], ["2026-03-25", 4]]);
  await addClient(firm.id, "Bravo", "retail", a.id, [["2026-02-01", 3], ["2026-04-05", 2], ["2026-06-20", 2]]);
  await addClient(firm.id, "Charlie", "retail", a.id, []);
  await addClient(firm.id, "Delta", "cafe", b.id, [["2025-11-30", 4], ["2026-05-31", 5]]);
  await addClient(firm.id, "Echo", "cafe", b.id, [["2026-01-31", 2]]);
  await addClient(other.id, "Zulu", "cafe", oc.id, [["2026-02-01", 6]]);
  await db.insert(stageOverrides).values({ clientId: ids.Delta, stage: 4, reason: "Tools bought, not used", effectiveDate: "2026-06-01", authorId: b.id });
  const [cu] = await db.insert(users).values({ firmId: firm.id, email: "echo@fixed.test", name: "Eve", role: "client", clientId: ids.Echo }).returning();
  clientUser = actorOf(cu);
  await db.insert(selfAssessments).values({ clientId: ids.Echo, userId: cu.id, stage: 5, date: "2026-06-10" });
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

describe("portfolioFilterOptions", () => {
  it("lists the firm's consultants by name and its distinct industries, archived clients' included, no other firm's", async () => {
    expect(await portfolioFilterOptions(database.db, manager)).toEqual({
      consultants: [
        { id: ann.id, name: "Ann" },
        { id: ben.id, name: "Ben" },
      ],
      industries: ["cafe", "retail"],
    });
    expect(await portfolioFilterOptions(database.db, otherManager)).toEqual({ consultants: [{ id: expect.any(String), name: "Olli" }], industries: ["cafe"] });
    expect(await portfolioFilterOptions(database.db, ann)).toBeNull();
  });

  it("walks every distinct industry in order, skipping clients without one, on a firm of its own", async () => {
    const db = database.db;
    const [firm] = await db.insert(firms).values({ name: "Industries" }).returning();
    const [m] = await db.insert(users).values({ firmId: firm.id, email: "m@industries.test", name: "Max", role: "manager" }).returning();
    const industries = ["tailoring", null, "bakery", "tailoring", "ঢাকা crafts", "bakery", null, "Zinc", "archived only"];
    for (const [i, industry] of industries.entries()) {
      const archived = industry === "archived only";
      await db.insert(clients).values({ firmId: firm.id, name: `Client ${i}`, industry, archived, archivedOn: archived ? "2026-01-01" : null });
    }
    const expected = await queryRows<{ industry: string }>(db, sql`select distinct industry from ${clients} where firm_id = ${firm.id} and industry is not null order by 1`);
    const found = (await portfolioFilterOptions(db, actorOf(m)))!;
    expect(found.industries).toEqual(expected.map((r) => r.industry));
    expect(found.industries).toHaveLength(5);
    expect(found.consultants).toEqual([]);
  });
});

describe("getPortfolio on a hand-computed firm", () => {
  it("distribution now counts each client in its stage at the range end; clients with no check-ins apart", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(p.distribution.map((d) => d.count)).toEqual([0, 2, 0, 1, 1, 0]);
    expect(p.withoutStage).toBe(1);
    expect(p.totalClients).toBe(5);
  });

  it("distribution over time counts each client in the stage held at the end of each month", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(p.overTime).toEqual([
      { month: "2026-01", asOf: "2026-01-31", counts: [0, 2, 0, 1, 0, 0] },
      { month: "2026-02", asOf: "2026-02-28", counts: [0, 2, 1, 1, 0, 0] },
      { month: "2026-03", asOf: "2026-03-31", counts: [0, 1, 1, 2, 0, 0] },
      { month: "2026-04", asOf: "2026-04-30", counts: [0, 2, 0, 2, 0, 0] },
      { month: "2026-05", asOf: "2026-05-31", counts: [0, 2, 0, 1, 1, 0] },
      { month: "2026-06", asOf: "2026-06-30", counts: [0, 2, 0, 1, 1, 0] },
    ]);
  });

  it("the last month stops at the range end", async () => {
    const p = (await getPortfolio(database.db, manager, { ...F, from: "2026-05-01", to: "2026-05-30" }))!;
    // Delta moves on 31 May, after the range end: still stage 4.
    expect(p.overTime).toEqual([{ month: "2026-05", asOf: "2026-05-30", counts: [0, 2, 0, 2, 0, 0] }]);
  });

  it("flows count consecutive changes inside the range, forward and backward apart", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(p.flows).toEqual([
      { from: 1, to: 2, direction: "forward", count: 1, clients: 1 },
      { from: 2, to: 3, direction: "forward", count: 1, clients: 1 },
      { from: 3, to: 2, direction: "backward", count: 1, clients: 1 },
      { from: 3, to: 4, direction: "forward", count: 1, clients: 1 },
      { from: 4, to: 5, direction: "forward", count: 1, clients: 1 },
    ]);
    const march = (await getPortfolio(database.db, manager, { ...F, from: "2026-03-01", to: "2026-03-31" }))!;
    expect(march.flows.map((f) => `${f.from}>${f.to}`)).toEqual(["2>3", "3>4"]);
  });

  it("time in stage: completed spells ending in the range, median and spread", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(p.timeInStage).toEqual([
      { stage: 1, spells: 1, min: 36, p25: 36, median: 36, p75: 36, max: 36 },
      { stage: 2, spells: 1, min: 54, p25: 54, median: 54, p75: 54, max: 54 },
      { stage: 3, spells: 2, min: 15, p25: 27, median: 39, p75: 51, max: 63 },
      { stage: 4, spells: 1, min: 182, p25: 182, median: 182, p75: 182, max: 182 },
    ]);
  });

  it("attention lists", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(names(p.attention.stalled)).toEqual(["Echo"]);
    expect(names(p.attention.regressed)).toEqual(["Bravo"]);
    expect(names(p.attention.noRecentCheckIn)).toEqual(["Alpha", "Charlie", "Echo"]);
    expect(names(p.attention.overrideDiffers)).toEqual(["Delta"]);
    expect(names(p.attention.selfAssessmentGap)).toEqual(["Echo"]);
    // Stage 4 (all firms: Delta left after 182 days) is overdue after 182; Alpha is 97 days in. Stage 2 never falls to 10 %.
    expect(names(p.attention.overdue)).toEqual([]);
    // The listed clients' rows (read in the lists' own statement) are their status as the client list gives it.
    const status = new Map((await listClientStatus(database.db, manager, { today: F.today })).map((c) => [c.id, c]));
    const lists = await listAttention(database.db, manager, { today: F.today }, null);
    const listed = Object.values(lists).flatMap((l) => l.rows);
    expect(listed.length).toBe(7);
    for (const c of listed) expect(c, c.name).toEqual(status.get(c.id));
  });

  it("attention lists cut to the page's few keep their totals and their order", async () => {
    const full = (await getPortfolio(database.db, manager, F))!;
    const cut = (await getPortfolio(database.db, manager, { ...F, attentionLimit: 2 }))!;
    for (const key of Object.keys(full.attention) as (keyof typeof full.attention)[]) {
      expect(cut.attention[key], key).toEqual(full.attention[key].slice(0, 2));
      expect(cut.attentionTotals[key], key).toBe(full.attention[key].length);
      expect(full.attentionTotals[key], key).toBe(full.attention[key].length);
    }
    expect(cut.attentionTotals.noRecentCheckIn).toBe(3);
    expect(names(cut.attention.noRecentCheckIn)).toEqual(["Alpha", "Charlie"]);
  });

  it("per consultant: clients, stage mix, check-ins in the last 30 days, net movement", async () => {
    const p = (await getPortfolio(database.db, manager, F))!;
    expect(p.consultants).toEqual([
      { consultantId: ann.id, consultantName: "Ann", clients: 3, stageMix: [0, 1, 0, 1, 0, 0], checkInsLast30d: 1, netMovement: 3 },
      { consultantId: ben.id, consultantName: "Ben", clients: 2, stageMix: [0, 1, 0, 0, 1, 0], checkInsLast30d: 0, netMovement: 1 },
    ]);
  });

  it("consultant and industry filters apply to every figure", async () => {
    const p = (await getPortfolio(database.db, manager, { ...F, consultantId: ben.id }))!;
    expect(p.distribution.map((d) => d.count)).toEqual([0, 1, 0, 0, 1, 0]);
    expect(p.overTime[0].counts).toEqual([0, 1, 0, 1, 0, 0]);
    expect(p.flows).toEqual([{ from: 4, to: 5, direction: "forward", count: 1, clients: 1 }]);
    expect(p.timeInStage.map((t) => t.stage)).toEqual([4]);
    expect(p.consultants.map((c) => c.consultantName)).toEqual(["Ben"]);
    expect(names(p.attention.noRecentCheckIn)).toEqual(["Echo"]);
    const retail = (await getPortfolio(database.db, manager, { ...F, industry: "retail" }))!;
    expect(retail.distribution.map((d) => d.count)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(retail.withoutStage).toBe(1);
    expect(retail.flows).toEqual([{ from: 3, to: 2, direction: "backward", count: 1, clients: 1 }]);
  });

  it("refuses unusable filters", async () => {
    expect(await getPortfolio(database.db, manager, { ...F, from: "2026-07-01" })).toBeNull();
    expect(await getPortfolio(database.db, manager, { ...F, to: "2026-02-30" })).toBeNull();
    expect(await getPortfolio(database.db, manager, { ...F, consultantId: "x' or 1=1" })).toBeNull();
  });

  it("read side by side, on several connections at once, it gives the same answer", async () => {
    const parallel = database.kind === "postgres";
    const serial = await getPortfolio(database.db, manager, { ...F, attentionLimit: 2 });
    const sideBySide = await inFirmSideBySide(database.db, manager.firmId, parallel, (run) => getPortfolio(run, manager, { ...F, attentionLimit: 2 }));
    expect(sideBySide).toEqual(serial);
    // On PostgreSQL the reads really run at once, on as many connections as the width allows;
    // on PGlite they share its one connection, in turn.
    const started = Date.now();
    let running = 0;
    let most = 0;
    const pids = await inFirmSideBySide(database.db, manager.firmId, parallel, (run) =>
      Promise.all(
        [1, 2, 3, 4].map(() =>
          run(async (db) => {
            most = Math.max(most, ++running);
            try {
              return (await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid, pg_sleep(0.3)`))[0]!.pid;
            } finally {
              running--;
            }
          }),
        ),
      ),
    );
    const took = Date.now() - started;
    if (parallel) {
      expect(most).toBe(3);
      expect(new Set(pids).size).toBeGreaterThanOrEqual(3);
      expect(took).toBeLessThan(1_000); // four 0.3 s reads, three at a time: two rounds, not four
      expect(took).toBeGreaterThanOrEqual(550);
    } else {
      expect(new Set(pids).size).toBe(1);
    }
  });

  it("in parts on one connection (PGlite's way), the head arrives before the spells, and the parts are the whole", async () => {
    const today = F.to;
    const filters = { ...F, today };
    const whole = await inFirmSideBySide(database.db, manager.firmId, false, (run) => portfolioPageData(run, manager, filters, 2));
    for (const serial of [true, false]) {
      const arrived: string[] = [];
      const parts = await inFirmSideBySideParts(
        database.db,
        manager.firmId,
        false,
        (run) => portfolioPageParts(run, manager, filters, 2, serial),
        (p) => (p ? [p.spells, p.head, p.settled] : []),
      );
      const [spells, head] = await Promise.all([parts!.spells.then((x) => (arrived.push("spells"), x)), parts!.head.then((x) => (arrived.push("head"), x))]);
      // Asked for after the rest, the longest statement no longer holds the page's head back;
      // asked for first (PostgreSQL's order, where reads run at once), it answers first here.
      expect(arrived).toEqual(serial ? ["head", "spells"] : ["spells", "head"]);
      expect({ ...head.portfolio, ...spells }).toEqual(whole.portfolio);
      expect([head.firstClients, head.options, spells.survival]).toEqual([whole.firstClients, whole.options, whole.survival]);
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL, side by side, each connection names the firm once and takes reads until none wait; a failed read fails alone", async () => {
    // Six reads on three connections: three transactions, not six.
    const sent: string[] = [];
    const reads = (fail: number | null) =>
      inFirmSideBySide(database.db, manager.firmId, true, (run) =>
        Promise.allSettled(
          [0, 1, 2, 3, 4, 5].map((k) =>
            run(async (db) => {
              // now(): when the read's transaction began, the same for every read of a lane.
              const [row] = await queryRows<{ k: number; firm: string; pid: number; began: string }>(
                db,
                k === fail ? sql`select 1 / 0 as k` : sql`select ${k}::int as k, current_setting('app.firm_id') as firm, pg_backend_pid() as pid, now()::text as began, pg_sleep(0.05)`,
              );
              sent.push(`read ${k}`);
              return row!;
            }),
          ),
        ),
      );
    const all = await reads(null);
    expect(all.map((r) => r.status === "fulfilled" && r.value.k)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of all) expect(r.status === "fulfilled" && r.value.firm).toBe(manager.firmId);
    expect(new Set(all.map((r) => r.status === "fulfilled" && r.value.pid)).size).toBe(3);
    expect(new Set(all.map((r) => r.status === "fulfilled" && r.value.began)).size).toBe(3);
    // The second read fails: it alone is rejected, its lane is rolled back, and the other five
    // are answered, by the remaining lanes or a new one.
    const some = await reads(1);
    expect(some.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(String((some[1] as PromiseRejectedResult).reason?.cause ?? (some[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(some.map((r) => r.status === "fulfilled" && r.value.k)).toEqual([0, false, 2, 3, 4, 5]);
    expect(sent.filter((x) => x === "read 1")).toHaveLength(1);
  });
});

describe("portfolioClients: the clients behind a bar", () => {
  it("stage now, month and stage, flow, spell, consultant", async () => {
    const db = database.db;
    expect(names(await portfolioClients(db, manager, F, { kind: "stage", stage: 2 }))).toEqual(["Bravo", "Echo"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "month", month: "2026-03", stage: 4 }))).toEqual(["Alpha", "Delta"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "month", month: "2026-05", stage: 5 }))).toEqual(["Delta"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "month", month: "2026-04", stage: 5 }))).toEqual([]);
    expect(names(await portfolioClients(db, manager, F, { kind: "flow", from: 3, to: 2 }))).toEqual(["Bravo"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "spell", stage: 3 }))).toEqual(["Alpha", "Bravo"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "consultant", consultantId: ben.id }))).toEqual(["Delta", "Echo"]);
    expect(names(await portfolioClients(db, manager, F, { kind: "consultant", consultantId: ann.id, stage: 4 }))).toEqual(["Alpha"]);
    // A range ending on a client's last check-in reads its stored stage; one ending the day before,
    // the spell open then (Delta moved from 4 to 5 on 31 May).
    expect(names(await portfolioClients(db, manager, { ...F, to: "2026-05-31" }, { kind: "stage", stage: 5 }))).toEqual(["Delta"]);
    expect(names(await portfolioClients(db, manager, { ...F, to: "2026-05-30" }, { kind: "stage", stage: 5 }))).toEqual([]);
    expect(names(await portfolioClients(db, manager, { ...F, to: "2026-05-30" }, { kind: "stage", stage: 4 }))).toEqual(["Alpha", "Delta"]);
    // Each row's stage and last check-in are as of the range end too: stored for Alpha, looked up for Delta.
    expect((await portfolioClients(db, manager, { ...F, to: "2026-05-30" }, { kind: "stage", stage: 4 }))!.map((r) => [r.name, r.stage, r.lastCheckIn])).toEqual([
      ["Alpha", 4, "2026-03-25"],
      ["Delta", 4, "2025-11-30"],
    ]);
    expect((await portfolioClients(db, manager, { ...F, to: "2026-05-31" }, { kind: "stage", stage: 5 }))!.map((r) => [r.name, r.stage, r.lastCheckIn])).toEqual([["Delta", 5, "2026-05-31"]]);
    expect(names(await portfolioClients(db, manager, { ...F, to: "2026-05-30" }, { kind: "consultant", consultantId: ben.id, stage: 4 }))).toEqual(["Delta"]);
    expect(await portfolioClients(db, manager, F, { kind: "stage", stage: 9 })).toBeNull();
    expect(await portfolioClients(db, manager, F, { kind: "month", month: "2026-13", stage: 2 })).toBeNull();
  });

  it("a page at a time: the pages together are the whole list by name, each row once, and each knows the whole count", async () => {
    const db = database.db;
    const drills = [
      { kind: "all" },
      { kind: "stage", stage: 2 },
      { kind: "spell", stage: 3 },
      { kind: "flow", from: 3, to: 2 },
      { kind: "consultant", consultantId: ben.id },
      { kind: "month", month: "2026-03", stage: 4 },
      { kind: "month", month: "2026-04", stage: 5 },
    ] as const;
    for (const drill of drills) {
      const whole = (await portfolioClients(db, manager, F, drill))!;
      const paged: typeof whole = [];
      // One page past the end: empty, and counted apart.
      for (let n = 1; n <= Math.ceil(whole.length / 2) + 1; n++) {
        const page = (await portfolioClientsPage(db, manager, F, drill, n, 2))!;
        expect(page.total, `${drill.kind} page ${n}`).toBe(whole.length);
        expect(page.pageCount).toBe(Math.max(1, Math.ceil(whole.length / 2)));
        expect(page.rows.length).toBe(Math.max(0, Math.min(2, whole.length - (n - 1) * 2)));
        paged.push(...page.rows);
      }
      expect(paged, drill.kind).toEqual(whole);
    }
    expect((await portfolioClients(db, manager, F, { kind: "all" }))!.length).toBeGreaterThan(4);
    // A page number that is not one reads page 1.
    expect((await portfolioClientsPage(db, manager, F, { kind: "all" }, 0, 2))!.page).toBe(1);
    expect(await portfolioClientsPage(db, manager, F, { kind: "stage", stage: 9 }, 1)).toBeNull();
    // Another firm's manager: its own one client, counted apart past the end too; none of this firm's.
    expect(await portfolioClientsPage(db, otherManager, F, { kind: "all" }, 9, 2)).toEqual({ rows: [], total: 1, page: 9, pageCount: 1 });
    expect(await portfolioClientsPage(db, otherManager, F, { kind: "consultant", consultantId: ann.id }, 9, 2)).toEqual({ rows: [], total: 0, page: 9, pageCount: 1 });
  });
});

describe("firstClientsPerConsultant: a few names per consultant, never the whole firm", () => {
  it("cuts each consultant's list by name, with the stage at the range end", async () => {
    const db = database.db;
    const two = (await firstClientsPerConsultant(db, manager, F, 2, [ann.id, ben.id]))!;
    expect(two.map((c) => [c.consultantName, c.name, c.stage])).toEqual([["Ann", "Alpha", 4], ["Ann", "Bravo", 2], ["Ben", "Delta", 5], ["Ben", "Echo", 2]]);
    expect(names(await firstClientsPerConsultant(db, manager, F, 1, [ann.id, ben.id]))).toEqual(["Alpha", "Delta"]);
    expect(names(await firstClientsPerConsultant(db, manager, F, 25, [ann.id, ben.id]))).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    // A range ending before a client's last check-in takes the stage held then.
    const early = (await firstClientsPerConsultant(db, manager, { ...F, to: "2026-03-15" }, 25, [ann.id, ben.id]))!;
    expect(early.find((c) => c.name === "Alpha")).toMatchObject({ stage: 3, lastCheckIn: "2026-03-10" });
    expect(await firstClientsPerConsultant(db, ann, F, 2, [ann.id])).toBeNull();
    // Only the lists asked for.
    expect(names(await firstClientsPerConsultant(db, manager, F, 25, [ben.id]))).toEqual(["Delta", "Echo"]);
    expect(await firstClientsPerConsultant(db, manager, F, 25, [])).toEqual([]);
    expect(names(await firstClientsPerConsultant(db, manager, { ...F, consultantId: ann.id }, 25, [ann.id, ben.id]))).toEqual(["Alpha", "Bravo", "Charlie"]);
  });
});

describe("authorization", () => {
  it("a consultant or a client user gets null", async () => {
    expect(await getPortfolio(database.db, ann, F)).toBeNull();
    expect(await getPortfolio(database.db, clientUser, F)).toBeNull();
    expect(await portfolioClients(database.db, ann, F, { kind: "stage", stage: 2 })).toBeNull();
    expect(await portfolioClients(database.db, clientUser, F, { kind: "stage", stage: 2 })).toBeNull();
  });

  it("a manager of another firm sees none of these clients", async () => {
    const p = (await getPortfolio(database.db, otherManager, F))!;
    expect(p.totalClients).toBe(1);
    expect(p.distribution.map((d) => d.count)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(p.flows).toEqual([]);
    expect(p.consultants.map((c) => c.consultantName)).toEqual(["Olli"]);
    expect(names(await portfolioClients(database.db, otherManager, F, { kind: "stage", stage: 2 }))).toEqual([]);
    expect(names(await portfolioClients(database.db, otherManager, F, { kind: "consultant", consultantId: ann.id }))).toEqual([]);
  });
});
