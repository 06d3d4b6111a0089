import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { assignments, checkIns, clients, firms, stageAssessments, users } from "@/db/schema";
import { getTimeInStage, type StageSurvival } from "@/db/queries/insight/time-in-stage";
import { getPortfolio, type PortfolioFilters } from "@/db/queries/portfolio";
import { timeInStageEndpoint } from "@/lib/api/handlers/insight-survival";
import { timeInStageSchema } from "@/lib/api/schemas";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";
import { call } from "./api/helpers";

// A small firm whose Kaplan–Meier figures are computed by hand below. Range 2026-01-01 .. 2026-06-30.
//   client  consultant industry  history (stage @ date)                       archived
//   A       Ann        cafe      2 @2025-12-01, 3 @2026-01-20                 -
//   B       Ann        cafe      2 @2026-02-01, 1 @2026-03-03                 -
//   C       Ben        retail    2 @2026-03-01, 3 @2026-03-31                 -
//   D       Ben        retail    2 @2026-03-11                                2026-04-10
//   E       Ann        retail    2 @2026-05-01                                -
//   F       Ben        cafe      2 @2026-01-10, 4 @2026-03-21                 -
//   G       Ann        cafe      2 @2025-10-01, 3 @2025-12-15                 -
//   H       Ann        cafe      2 @2025-11-01                                2025-12-20
//   I       Ben        cafe      2 @2026-03-27, 5 @2026-05-10                 2026-05-01
//   J       Ann        retail    1 @2026-06-01, 2 @2026-07-05                 -
//   Other firm: Z 2 @2026-02-01 (must never count).
//
// Stage 2 spells open at some time in the range, length from their own start:
//   A 50 ended, forward (started before `from`: counts from 2025-12-01)
//   B 30 ended, backward          C 30 ended, forward
//   D 30 censored at its archive date 2026-04-10 (not at the range end: it would be 111)
//   E 60 censored at the range end
//   F 70 ended, forward
//   I 35 censored at its archive date 2026-05-01 (its move on 05-10 came after; 5 @05-10 is dropped)
//   Out: G's stage 2 ended before `from`; H was archived before `from`; J's stage 2 starts after `to`.
// n = 7. Day 30: n 7, d 2 (and 1 censored, still at risk): S = 5/7 = 0.714286, G = 2/35 = 0.057143.
//   Then at risk 4; day 35 censored → 3. Day 50: n 3, d 1: S = 5/7 · 2/3 = 10/21 = 0.476190,
//   G = 2/35 + 1/6 = 47/210 = 0.223810. Then 2; day 60 censored → 1. Day 70: n 1, d 1: S = 0.
// Log-log band (z = 1.959964, se = √G/|ln S|, lower = S^exp(z·se), upper = S^exp(−z·se)):
//   day 30: ln S = −0.336472, se = 0.239046/0.336472 = 0.710447, z·se = 1.392451 → 0.258154 .. 0.919797
//   day 50: ln S = −0.741937, se = 0.473085/0.741937 = 0.637635, z·se = 1.249741 → 0.075099 .. 0.808460
//   day 70: S = 0 → 0 .. 0
// Median 50 (first S ≤ 0.5); events 4, censored 3, forward 3 of 4 = 0.75.
// Other stages: 1: B 119 (from 03-03), J 29 (its move on 07-05 is after `to`) — both censored.
//   3: A 161, C 91, G 197 censored. 4: F 101 censored. 5: none (I's came after its archive). 6: none.
let database: Database;
let manager: Actor, ann: Actor, ben: Actor, clientUser: Actor;
const F: PortfolioFilters = { from: "2026-01-01", to: "2026-06-30", today: "2026-06-30" };
const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });

async function addClient(firmId: string, name: string, industry: string, consultantId: string, history: [string, number][], archivedOn?: string) {
  const db = database.db;
  const [c] = await db
    .insert(clients)
    .values({ firmId, name, industry, archived: Boolean(archivedOn), archivedOn: archivedOn ?? null })
    .returning();
  await db.insert(assignments).values({ clientId: c!.id, consultantId });
  for (let seq = 0; seq < history.length; seq++) {
    const [date, stage] = history[seq]!;
    const [k] = await db.insert(checkIns).values({ clientId: c!.id, authorId: consultantId, date, postsLast30d: 0, rhythm: "none", replies: "none", results: "none" }).returning();
    await db.insert(stageAssessments).values({ checkInId: k!.id, clientId: c!.id, date, seq, stage, confidence: 0.8, reasons: [], missing: [] });
  }
  return c!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Survival" }).returning();
  const [other] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const [m] = await db.insert(users).values({ firmId: firm!.id, email: "m@survival.test", name: "Mia", role: "manager" }).returning();
  const [a] = await db.insert(users).values({ firmId: firm!.id, email: "ann@survival.test", name: "Ann", role: "consultant" }).returning();
  const [b] = await db.insert(users).values({ firmId: firm!.id, email: "ben@survival.test", name: "Ben", role: "consultant" }).returning();
  const [oc] = await db.insert(users).values({ firmId: other!.id, email: "oc@else.test", name: "Olli", role: "consultant" }).returning();
  manager = actorOf(m!);
  ann = actorOf(a!);
  ben = actorOf(b!);
  await addClient(firm!.id, "A", "cafe", a!.id, [["2025-12-01", 2], ["2026-01-20", 3]]);
  await addClient(firm!.id, "B", "cafe", a!.id, [["2026-02-01", 2], ["2026-03-03", 1]]);
  await addClient(firm!.id, "C", "retail", b!.id, [["2026-03-01", 2], ["2026-03-31", 3]]);
  await addClient(firm!.id, "D", "retail", b!.id, [["2026-03-11", 2]], "2026-04-10");
  const e = await addClient(firm!.id, "E", "retail", a!.id, [["2026-05-01", 2]]);
  await addClient(firm!.id, "F", "cafe", b!.id, [["2026-01-10", 2], ["2026-03-21", 4]]);
  await addClient(firm!.id, "G", "cafe", a!.id, [["2025-10-01", 2], ["2025-12-15", 3]]);
  await addClient(firm!.id, "H", "cafe", a!.id, [["2025-11-01", 2]], "2025-12-20");
  await addClient(firm!.id, "I", "cafe", b!.id, [["2026-03-27", 2], ["2026-05-10", 5]], "2026-05-01");
  await addClient(firm!.id, "J", "retail", a!.id, [["2026-06-01", 1], ["2026-07-05", 2]]);
  await addClient(other!.id, "Z", "cafe", oc!.id, [["2026-02-01", 2]]);
  const [cu] = await db.insert(users).values({ firmId: firm!.id, email: "e@survival.test", name: "Eve", role: "client", clientId: e }).returning();
  clientUser = actorOf(cu!);
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

const stage = (stages: StageSurvival[], s: number) => stages.find((x) => x.stage === s)!;
const points = (s: StageSurvival) => s.curve.map((p) => [p.day, p.atRisk, Number(p.survival.toFixed(6)), Number(p.lower.toFixed(6)), Number(p.upper.toFixed(6))]);

describe("getTimeInStage on a hand-computed firm", () => {
  it("stage 2: ties, censoring at the range end and at archive dates, a spell from before the range", async () => {
    const t = (await getTimeInStage(database.db, manager, F))!;
    expect(t.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6]);
    const s2 = stage(t.stages, 2);
    expect(s2).toMatchObject({ spells: 7, events: 4, censored: 3, medianDays: 50, forwardExits: 3, forwardShare: 0.75, maxDays: 70 });
    expect(points(s2)).toEqual([
      [0, 7, 1, 1, 1],
      [30, 7, 0.714286, 0.258154, 0.919797],
      [50, 3, 0.47619, 0.075099, 0.80846],
      [70, 1, 0, 0, 0],
    ]);
    // Number at risk at the fixed days: stays lasting at least 0, 30, 90 days.
    expect(s2.at.slice(0, 3).map((p) => [p.day, p.atRisk])).toEqual([
      [0, 7],
      [30, 7],
      [90, 0],
    ]);
  });

  it("the other stages: all censored, or empty", async () => {
    const t = (await getTimeInStage(database.db, manager, F))!;
    const summary = t.stages.map((s) => [s.stage, s.spells, s.events, s.censored, s.medianDays, s.maxDays]);
    expect(summary).toEqual([
      [1, 2, 0, 2, null, 119],
      [2, 7, 4, 3, 50, 70],
      [3, 3, 0, 3, null, 197],
      [4, 1, 0, 1, null, 101],
      [5, 0, 0, 0, null, null],
      [6, 0, 0, 0, null, null],
    ]);
    expect(stage(t.stages, 5).curve).toEqual([{ day: 0, survival: 1, atRisk: 0, lower: 1, upper: 1 }]);
    expect(stage(t.stages, 3).curve).toEqual([{ day: 0, survival: 1, atRisk: 3, lower: 1, upper: 1 }]);
  });

  it("a later `from` keeps spells that began before it, at their full length", async () => {
    // 2026-03-25 .. 06-30, stage 2: C 30 ended, D 30 censored, E 60 censored, I 35 censored (A, B, F ended before).
    const t = (await getTimeInStage(database.db, manager, { ...F, from: "2026-03-25" }))!;
    const s2 = stage(t.stages, 2);
    expect(s2).toMatchObject({ spells: 4, events: 1, censored: 3, medianDays: null, forwardExits: 1 });
    // Day 30: n 4, d 1: S = 3/4, G = 1/12; se = 0.288675/0.287682 = 1.003452 → 0.75^exp(±1.966728) = 0.127947 .. 0.960549.
    expect(points(s2)).toEqual([
      [0, 4, 1, 1, 1],
      [30, 4, 0.75, 0.127947, 0.960549],
    ]);
  });

  it("filters by consultant and by industry", async () => {
    // Ben, stage 2: C 30 ended, D 30 censored, F 70 ended, I 35 censored. Day 30: n 4, d 1, S = 3/4;
    // then 2 at risk, day 35 censored → 1; day 70: n 1, d 1, S = 0. Median 70.
    const benOnly = (await getTimeInStage(database.db, manager, { ...F, consultantId: ben.id }))!;
    expect(points(stage(benOnly.stages, 2))).toEqual([
      [0, 4, 1, 1, 1],
      [30, 4, 0.75, 0.127947, 0.960549],
      [70, 1, 0, 0, 0],
    ]);
    expect(stage(benOnly.stages, 2).medianDays).toBe(70);
    expect(stage(benOnly.stages, 1).spells).toBe(0);
    // Retail, stage 2: C 30 ended, D 30 censored, E 60 censored. Day 30: n 3, d 1: S = 2/3, G = 1/6;
    // se = 0.408248/0.405465 = 1.006864 → (2/3)^exp(±1.973418) = 0.054073 .. 0.945206. Median not reached.
    const retail = (await getTimeInStage(database.db, manager, { ...F, industry: "retail" }))!;
    expect(points(stage(retail.stages, 2))).toEqual([
      [0, 3, 1, 1, 1],
      [30, 3, 0.666667, 0.054073, 0.945206],
    ]);
    expect(stage(retail.stages, 2).medianDays).toBeNull();
    expect(stage(retail.stages, 1)).toMatchObject({ spells: 1, censored: 1, maxDays: 29 });
  });

  it("the portfolio's one pass over the spells gives the same estimate, for every range and filter above", async () => {
    // The portfolio page reads the curves from getPortfolio's spell statement, not getTimeInStage's:
    // both must agree, a `from` in mid-month (the pass reads from the month's first day) included.
    for (const filters of [F, { ...F, from: "2026-03-25" }, { ...F, from: "2026-02-15" }, { ...F, consultantId: ben.id }, { ...F, industry: "retail" }]) {
      const p = (await getPortfolio(database.db, manager, filters, { survival: true }))!;
      const own = (await getTimeInStage(database.db, manager, filters))!;
      expect(p.survival, JSON.stringify(filters)).toEqual(own);
      expect(stage(own.stages, 2).spells + stage(own.stages, 1).spells, JSON.stringify(filters)).toBeGreaterThan(0);
      // Without asking, no curves (the API's answer stays as it was).
      expect("survival" in (await getPortfolio(database.db, manager, filters))!).toBe(false);
    }
  });

  it("nothing for consultants, clients, or unusable filters", async () => {
    expect(await getTimeInStage(database.db, ann, F)).toBeNull();
    expect(await getTimeInStage(database.db, clientUser, F)).toBeNull();
    expect(await getTimeInStage(database.db, manager, { ...F, from: "2026-07-01" })).toBeNull();
    expect(await getTimeInStage(database.db, manager, { ...F, consultantId: "not-a-uuid" })).toBeNull();
  });
});

describe("GET /api/v1/portfolio/time-in-stage", () => {
  const path = "/api/v1/portfolio/time-in-stage?from=2026-01-01&to=2026-06-30";

  it("answers the same figures in the API's field names", async () => {
    const res = await call(database, timeInStageEndpoint, { path, session: manager });
    expect(res.status).toBe(200);
    // The answer is what the OpenAPI document says it is.
    expect(timeInStageSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.filters).toEqual({ consultant_id: null, industry: null, from: "2026-01-01", to: "2026-06-30" });
    expect(res.body.stages).toHaveLength(6);
    expect(res.body.stages[1]).toEqual({
      stage: 2,
      spells: 7,
      events: 4,
      censored: 3,
      median_days: 50,
      forward_exits: 3,
      forward_share: 0.75,
      max_days: 70,
      curve: [
        { day: 0, survival: 1, at_risk: 7, lower: 1, upper: 1 },
        { day: 30, survival: 0.714286, at_risk: 7, lower: 0.258154, upper: 0.919797 },
        { day: 50, survival: 0.47619, at_risk: 3, lower: 0.075099, upper: 0.80846 },
        { day: 70, survival: 0, at_risk: 1, lower: 0, upper: 0 },
      ],
    });
    expect(res.body.stages[5]).toEqual({ stage: 6, spells: 0, events: 0, censored: 0, median_days: null, forward_exits: 0, forward_share: null, max_days: null, curve: [{ day: 0, survival: 1, at_risk: 0, lower: 1, upper: 1 }] });
  });

  it("takes the consultant and industry filters", async () => {
    const byBen = await call(database, timeInStageEndpoint, { path: `${path}&consultant=${ben.id}`, session: manager });
    expect(byBen.body.filters.consultant_id).toBe(ben.id);
    expect(byBen.body.stages[1].median_days).toBe(70);
    const alias = await call(database, timeInStageEndpoint, { path: `${path}&consultantId=${ben.id}`, session: manager });
    expect(alias.body.stages).toEqual(byBen.body.stages);
    const retail = await call(database, timeInStageEndpoint, { path: `${path}&industry=retail`, session: manager });
    expect(retail.body.stages[1]).toMatchObject({ spells: 3, events: 1, median_days: null });
  });

  it("defaults the period to the year up to the caller's today", async () => {
    const res = await call(database, timeInStageEndpoint, { path: "/api/v1/portfolio/time-in-stage", session: manager, deps: { now: () => new Date("2026-06-30T12:00:00Z") } });
    expect(res.status).toBe(200);
    expect(res.body.filters).toMatchObject({ from: "2025-06-30", to: "2026-06-30" });
  });

  it("bad input is a 400 naming the parameter; anyone but a manager gets 404", async () => {
    const order = await call(database, timeInStageEndpoint, { path: "/api/v1/portfolio/time-in-stage?from=2026-07-01&to=2026-06-30", session: manager });
    expect(order.status).toBe(400);
    expect(order.body.error.details).toEqual([expect.objectContaining({ column: "from" })]);
    const badId = await call(database, timeInStageEndpoint, { path: `${path}&consultant=nope`, session: manager });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details).toEqual([expect.objectContaining({ column: "consultant" })]);
    const clash = await call(database, timeInStageEndpoint, { path: `${path}&consultant=${ben.id}&consultantId=${ann.id}`, session: manager });
    expect(clash.status).toBe(400);
    expect((await call(database, timeInStageEndpoint, { path, session: ann })).status).toBe(404);
    expect((await call(database, timeInStageEndpoint, { path, session: clientUser })).status).toBe(404);
    expect((await call(database, timeInStageEndpoint, { path })).status).toBe(401);
  });
});
