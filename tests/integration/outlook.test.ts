import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";
import { assignments, checkIns, clients, firms, stageAssessments, users } from "@/db/schema";
import { getClientOutlook } from "@/db/queries/insight/outlook";
import { firmDurationsSql, forgetSpellSummaries } from "@/db/queries/insight/spell-durations";
import { getClientStatus, listClientPage, listClientStatus } from "@/db/queries/client-status";
import { getPortfolio } from "@/db/queries/portfolio";
import { outlookEndpoint } from "@/lib/api/handlers/insight-outlook";
import { firstDayAtOrBelow } from "@/lib/insight/outlook";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";
import { call } from "./api/helpers";

// A fixed data set whose outlook figures are worked out by hand below. Today is 2026-06-30.
//
// Firm "Fixed", stage 3 (every completed stay moves on to stage 4):
//   Short ×10  3 for  30 days, then 4        Mid ×12    3 for 120 days, then 4
//   Long ×8    3 for 200 days, then 4        Longest ×6 3 for 300 days, then 4
//   Open ×6    3 since 150 days (open)       Stuck      3 since 400 days (open)
//   Gone       3 for 181 days, then archived (censored at the archive date, not today)
//   Target     3 since 90 days (open)        Top        5, then 6     Blank  no check-ins
// Firm "Small", stage 2: Solo 2 since 60 days; G20 2 for 20 days, then 3; G100 2 since 100 days.
// Firm "Elsewhere", stage 2: 5 × 40 days then 3; 5 × 80 days then 3; 3 × 2 since 200 days.
const TODAY = "2026-06-30";
const NOW = new Date(`${TODAY}T12:00:00Z`);
let database: Database;
let mia: Actor, ann: Actor, ben: Actor, gil: Actor, targetUser: Actor;
const ids: Record<string, string> = {};

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const ago = (n: number) => addDays(TODAY, -n);
const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });

async function addClient(firmId: string, name: string, consultantId: string, history: [string, number][]) {
  const db = database.db;
  const [c] = await db.insert(clients).values({ firmId, name, createdAt: new Date("2024-01-01T12:00:00Z") }).returning();
  await db.insert(assignments).values({ clientId: c!.id, consultantId });
  for (let seq = 0; seq < history.length; seq++) {
    const [date, stage] = history[seq]!;
    const [k] = await db.insert(checkIns).values({ clientId: c!.id, authorId: consultantId, date, postsLast30d: 0, rhythm: "none", replies: "none", results: "none" }).returning();
    await db.insert(stageAssessments).values({ checkInId: k!.id, clientId: c!.id, date, seq, stage, confidence: 0.8, reasons: [], missing: [] });
  }
  ids[name] = c!.id;
}

/** `count` clients whose stay in `stage` began on start + i and lasted `days` before moving to `next` (open when next is null). */
async function stays(firmId: string, prefix: string, consultantId: string, count: number, start: string, stage: number, days: number, next: number | null) {
  for (let i = 0; i < count; i++) {
    const from = addDays(start, i);
    await addClient(firmId, `${prefix} ${i + 1}`, consultantId, next === null ? [[from, stage]] : [[from, stage], [addDays(from, days), next]]);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [f] = await db.insert(firms).values({ name: "Fixed" }).returning();
  const [g] = await db.insert(firms).values({ name: "Small" }).returning();
  const [h] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const user = async (firmId: string, email: string, role: Actor["role"], clientId?: string) =>
    actorOf((await db.insert(users).values({ firmId, email, name: email.split("@")[0]!, role, clientId: clientId ?? null }).returning())[0]!);
  mia = await user(f!.id, "mia@fixed.test", "manager");
  ann = await user(f!.id, "ann@fixed.test", "consultant");
  ben = await user(f!.id, "ben@fixed.test", "consultant");
  gil = await user(g!.id, "gil@small.test", "manager");
  const gus = await user(g!.id, "gus@small.test", "consultant");
  const hal = await user(h!.id, "hal@else.test", "consultant");

  await stays(f!.id, "Short", ben.id, 10, "2025-06-01", 3, 30, 4);
  await stays(f!.id, "Mid", ben.id, 12, "2025-03-01", 3, 120, 4);
  await stays(f!.id, "Long", ben.id, 8, "2024-12-01", 3, 200, 4);
  await stays(f!.id, "Longest", ben.id, 6, "2024-06-01", 3, 300, 4);
  for (let i = 1; i <= 6; i++) await addClient(f!.id, `Open ${i}`, ben.id, [[ago(150), 3]]);
  await addClient(f!.id, "Stuck", ann.id, [[ago(400), 3]]);
  await addClient(f!.id, "Gone", ben.id, [["2025-09-01", 3]]);
  await addClient(f!.id, "Target", ann.id, [[ago(90), 3]]);
  await addClient(f!.id, "Top", ben.id, [["2025-01-01", 5], ["2025-06-01", 6]]);
  await addClient(f!.id, "Blank", ben.id, []);
  await db.update(clients).set({ archived: true, archivedOn: "2026-03-01" }).where(eq(clients.id, ids.Gone!));

  await addClient(g!.id, "Solo", gus.id, [[ago(60), 2]]);
  await addClient(g!.id, "G20", gus.id, [["2026-01-01", 2], ["2026-01-21", 3]]);
  await addClient(g!.id, "G100", gus.id, [[ago(100), 2]]);
  await stays(h!.id, "H40", hal.id, 5, "2025-01-01", 2, 40, 3);
  await stays(h!.id, "H80", hal.id, 5, "2025-02-01", 2, 80, 3);
  for (let i = 1; i <= 3; i++) await addClient(h!.id, `H200 ${i}`, hal.id, [[ago(200), 2]]);

  targetUser = await user(f!.id, "target@fixed.test", "client", ids.Target);
  await deriveStoredStatus(db);
}, 180_000);
afterAll(async () => database?.close());

describe("a client's outlook from the firm's own stays (≥ 30 comparable)", () => {
  it("Target, 90 days into stage 3: the hand-computed Kaplan–Meier figures", async () => {
    // Comparable (lasted ≥ 90 days, Target's own stay aside): Mid 12, Open 6, Gone 1, Long 8, Longest 6, Stuck 1 = 34.
    //   day 120: 34 at risk, 12 leave → 22/34          ⇒ moved on within 90 days (by day 180) = 12/34
    //   day 150: 6 censored; day 181: Gone censored (archived) → 15 at risk
    //   day 200: 15 at risk, 8 leave → 22/34 · 7/15 = 0.302 ≤ ½ ⇒ typical remaining time 200 − 90 = 110 days
    //   longest follow-up: Stuck at 400 ⇒ 310 days past 90.
    const o = (await getClientOutlook(database.db, mia, ids.Target!, TODAY))!;
    expect(o).toMatchObject({ stage: 3, daysInStage: 90, unavailable: null, source: "firm", comparable: 34, typicalRemainingDays: 110, followUpDays: 310, overdue: false });
    expect(o.movedOnWithin90).toBeCloseTo(12 / 34, 12);
  });

  it("an archived client's open stay is censored at its archive date, not today", async () => {
    const rows = await queryRows<{ stage: number; days: number; events: string; censored: string }>(
      database.db,
      firmDurationsSql(mia.firmId, TODAY, sql`s.client_id = ${ids.Gone!}::uuid`),
    );
    expect(rows.map((r) => [Number(r.stage), Number(r.days), Number(r.events), Number(r.censored)])).toEqual([[3, 181, 0, 1]]);
    expect((await getClientOutlook(database.db, mia, ids.Gone!, TODAY))!.unavailable).toBe("archived");
  });

  it("stage 6 gets no outlook (leaving it is slipping back), nor does a client without a stage", async () => {
    expect(await getClientOutlook(database.db, mia, ids.Top!, TODAY)).toMatchObject({ stage: 6, unavailable: "top-stage", source: null, movedOnWithin90: null });
    expect(await getClientOutlook(database.db, mia, ids.Blank!, TODAY)).toMatchObject({ stage: null, unavailable: "no-stage", source: null });
  });
});

describe("the all-firm fallback (< 30 comparable)", () => {
  it("Solo, 60 days into stage 2 in a firm with one comparable stay: all firms' aggregates", async () => {
    // All firms' stage-2 stays, Solo's own aside: 20 (left), 100 (open) in Small; 5 × 40, 5 × 80 (left) and
    // 3 × 200 (open) in Elsewhere. Comparable at 60: 5 + 1 + 3 = 9.
    //   day 80: 9 at risk, 5 leave → 4/9 ≤ ½ ⇒ typical remaining 20 days; moved on within 90 days = 5/9
    //   longest follow-up 200 ⇒ 140 days past 60.
    const o = (await getClientOutlook(database.db, gil, ids.Solo!, TODAY))!;
    expect(o).toMatchObject({ stage: 2, daysInStage: 60, source: "all-firms", comparable: 9, typicalRemainingDays: 20, followUpDays: 140, overdue: false });
    expect(o.movedOnWithin90).toBeCloseTo(5 / 9, 12);
  });

  it("the all-firm function gives counts only, never another firm's rows", async () => {
    const rows = await queryRows<Record<string, unknown>>(database.db, sql`select * from stage_spell_norms(${TODAY}::date) where stage = 2 order by days`);
    expect(Object.keys(rows[0]!).sort()).toEqual(["censored", "days", "events", "stage"]);
    expect(rows.map((r) => [Number(r.days), Number(r.events), Number(r.censored)])).toEqual([[20, 1, 0], [40, 5, 0], [60, 0, 1], [80, 5, 0], [100, 0, 1], [200, 0, 3]]);
  });
});

describe("the overdue flag", () => {
  it("stage 3's threshold is the day the firm's estimate falls to 10 %: 300", async () => {
    // All 45 stage-3 stays: S(30) = 35/45, S(120) = ·22/34, S(200) = ·7/15 = 0.235, S(300) = ·1/7 = 0.034 ≤ 0.1.
    const rows = await queryRows<{ days: number; events: string; censored: string }>(database.db, firmDurationsSql(mia.firmId, TODAY, sql`s.stage = 3`));
    expect(firstDayAtOrBelow(rows.map((r) => ({ days: Number(r.days), events: Number(r.events), censored: Number(r.censored) })), 0.1)).toBe(300);
  });

  it("flags Stuck (400 days > 300) and nobody else: not the 150-day stays, not stage 4 (no threshold), not stage 6, not archived Gone", async () => {
    const all = await listClientStatus(database.db, mia, { today: TODAY, includeArchived: true });
    expect(all.filter((s) => s.flags.includes("overdue")).map((s) => s.name)).toEqual(["Stuck"]);
    // "Stalled" is a fixed 120 days; overdue is relative to the stage.
    expect(all.find((s) => s.name === "Open 1")!.flags).toEqual(expect.arrayContaining(["stalled"]));
    expect(all.find((s) => s.name === "Open 1")!.flags).not.toContain("overdue");
    expect(all.find((s) => s.name === "Longest 1")!.flags).not.toContain("overdue");
    expect((await getClientOutlook(database.db, mia, ids.Stuck!, TODAY))!.overdue).toBe(true);
  });

  it("is in the flagged-only status list, the client list's filter and the portfolio's attention lists", async () => {
    const flagged = await listClientStatus(database.db, mia, { today: TODAY, flaggedOnly: true });
    expect(flagged.map((s) => s.name)).toContain("Stuck");
    const page = await listClientPage(database.db, mia, { flag: "overdue", today: TODAY }, 1);
    expect(page.rows.map((r) => r.name)).toEqual(["Stuck"]);
    const p = (await getPortfolio(database.db, mia, { from: "2026-01-01", to: TODAY, today: TODAY }))!;
    expect(p.attention.overdue.map((c) => [c.name, c.daysInStage])).toEqual([["Stuck", 400]]);
    // Ben leads nobody overdue.
    const bens = (await getPortfolio(database.db, mia, { from: "2026-01-01", to: TODAY, today: TODAY, consultantId: ben.id }))!;
    expect(bens.attention.overdue).toEqual([]);
  });

  it("a stage with fewer than 30 of the firm's stays takes its threshold from all firms; never before 60 days", async () => {
    // Stage 2 across firms never falls to 10 % (3 stays still open at 200): no threshold, Solo and G100 not flagged.
    const small = await listClientStatus(database.db, gil, { today: TODAY });
    expect(small.filter((s) => s.flags.includes("overdue"))).toEqual([]);
    // 30 days on, stage 2's all-firm estimate still has no 10 % day; the flag needs a threshold.
    const later = await listClientStatus(database.db, gil, { today: addDays(TODAY, 30) });
    expect(later.filter((s) => s.flags.includes("overdue"))).toEqual([]);
  });
});

describe("who sees an outlook", () => {
  it("a consultant sees only their own clients' outlooks", async () => {
    expect((await getClientOutlook(database.db, ann, ids.Target!, TODAY))?.comparable).toBe(34);
    expect(await getClientOutlook(database.db, ben, ids.Target!, TODAY)).toBeNull();
    expect(await getClientOutlook(database.db, gil, ids.Target!, TODAY)).toBeNull();
  });

  it("a client user gets nothing, not even for their own client", async () => {
    expect(await getClientStatus(database.db, targetUser, ids.Target!, TODAY)).not.toBeNull();
    expect(await getClientOutlook(database.db, targetUser, ids.Target!, TODAY)).toBeNull();
  });
});

describe("GET /api/v1/clients/{id}/outlook", () => {
  const get = (actor: Actor, id: string) => call(database, outlookEndpoint, { path: `/api/v1/clients/${id}/outlook`, params: { id }, session: actor, deps: { now: () => NOW } });

  it("answers the consultant and the manager with the figures, in snake_case", async () => {
    for (const actor of [ann, mia]) {
      const res = await get(actor, ids.Target!);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stage: 3, days_in_stage: 90, unavailable: null, source: "firm", comparable: 34, typical_remaining_days: 110, follow_up_days: 310, overdue: false });
      expect(res.body.moved_on_within_90_days).toBeCloseTo(12 / 34, 12);
    }
    const solo = await get(gil, ids.Solo!);
    expect(solo.body).toMatchObject({ source: "all-firms", comparable: 9, typical_remaining_days: 20 });
    // Past every other stay of the firm's: the fallback is per client. In all firms, the 10 stage-3
    // stays of Elsewhere (open since 2025, over 430 days) are comparable, and none has ended.
    const stuck = await get(mia, ids.Stuck!);
    expect(stuck.body).toMatchObject({ days_in_stage: 400, overdue: true, unavailable: null, source: "all-firms", comparable: 10, moved_on_within_90_days: 0, typical_remaining_days: null });
  });

  it("404s for another consultant's client, another firm's, a client user and a malformed id", async () => {
    expect((await get(ben, ids.Target!)).status).toBe(404);
    expect((await get(gil, ids.Target!)).status).toBe(404);
    expect((await get(targetUser, ids.Target!)).status).toBe(404);
    expect((await get(mia, "not-a-uuid")).status).toBe(404);
  });
});

// Last: it adds a client to Fixed.
describe("remembered summaries", () => {
  it("a new stay reaches other clients' outlooks once the firm's summary is recomputed (at most a minute later)", async () => {
    expect((await getClientOutlook(database.db, mia, ids.Target!, TODAY))!.comparable).toBe(34);
    await addClient(mia.firmId, "Newcomer", ann.id, [[ago(100), 3]]);
    await deriveStoredStatus(database.db);
    // The newcomer's own row is read fresh; the firm-wide summary is the remembered one.
    expect((await getClientStatus(database.db, mia, ids.Newcomer!, TODAY))!.daysInStage).toBe(100);
    expect((await getClientOutlook(database.db, mia, ids.Target!, TODAY))!.comparable).toBe(34);
    forgetSpellSummaries();
    expect((await getClientOutlook(database.db, mia, ids.Target!, TODAY))!.comparable).toBe(35);
  });
});
