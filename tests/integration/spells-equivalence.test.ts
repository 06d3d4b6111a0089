import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";
import { createClient } from "@/db/queries/clients";
import { createCheckIn, deleteCheckIn, updateCheckIn } from "@/db/queries/checkins";
import { createOverride } from "@/db/queries/overrides";
import { recordSelfAssessment } from "@/db/queries/self-assessments";
import { checkConsistency } from "@/db/queries/consistency";
import { firstClientsPerConsultant, getPortfolio, type PortfolioFilters } from "@/db/queries/portfolio";
import { getTimeInStage } from "@/db/queries/insight/time-in-stage";
import { listClientStatus } from "@/db/queries/client-status";
import type { Actor } from "@/lib/auth/permissions";
import type { CheckInFields } from "@/lib/checkin-format";
import { mulberry32, syntheticHistory } from "@/lib/stages/synthetic";
import { actorByEmail, openDemoDatabase } from "./db";
import { makeFirm, makeUser } from "./factory";
import { refCompletedSpells, refEnds, refFirstClients, refFlows, refOverTime, refStatus, type RefFilter } from "./reference/history-queries";

// The stored spells and status (written incrementally by every writer) against
// (1) a full recomputation from the check-ins, and (2) the former per-request queries over the
// whole assessment history, on the demo firm and on a generated firm edited at random.

let database: Database;
let demoManager: Actor;
let genManager: Actor;
let genConsultants: Actor[] = [];

const rng = mulberry32(4242);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

beforeAll(async () => {
  database = await openDemoDatabase("2026-06-30");
  const db = database.db;
  demoManager = await actorByEmail(db, "manager@example.com");
  const firm = await makeFirm(db);
  genManager = await makeUser(db, firm.id, "manager");
  genConsultants = [await makeUser(db, firm.id, "consultant"), await makeUser(db, firm.id, "consultant")];
  const written: { id: string; version: number; lead: Actor; clientId: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const lead = genConsultants[i % 2]!;
    const client = (await createClient(db, lead, { name: `Generated ${i}` }))!;
    const history = syntheticHistory(900 + i, 14 + (i % 9));
    // Written out of order, so most writes land before later check-ins and rewrite only a tail.
    const order = history.map((_, k) => k).sort(() => rng() - 0.5);
    for (const k of order) {
      const fields: CheckInFields = { ...history[k]!, consultant: null, notes: null };
      const r = (await createCheckIn(db, lead, client.id, fields))!;
      written.push({ id: r.checkIn.id, version: r.checkIn.version, lead, clientId: client.id });
    }
    if (i % 4 === 0) await createOverride(db, lead, client.id, { stage: 1 + (i % 6), reason: "generated", internal: false, effectiveDate: history[0]!.date });
    if (i % 5 === 0) {
      const user = await makeUser(db, firm.id, "client", { clientId: client.id });
      await recordSelfAssessment(db, user, { stage: 1 + ((i * 7) % 6), date: history[0]!.date });
    }
  }
  // Random edits (dates moved both ways, other answers changed) and deletions.
  for (let e = 0; e < 60; e++) {
    const w = pick(written);
    if (w.version < 0) continue;
    if (rng() < 0.3) {
      await deleteCheckIn(db, w.lead, w.id);
      w.version = -1;
      continue;
    }
    const [row] = await queryRows<{ date: string }>(db, sql`select date::text as date from check_ins where id = ${w.id}`);
    const moved = new Date(Date.parse(row!.date) + Math.round((rng() - 0.5) * 400) * 86_400_000).toISOString().slice(0, 10);
    const donor = syntheticHistory(Math.floor(rng() * 1e6), 20)[Math.floor(rng() * 20)]!;
    const r = await updateCheckIn(db, w.lead, w.id, w.version, { ...donor, date: moved, consultant: null, notes: null });
    w.version = r!.checkIn.version;
  }
}, 240_000);
afterAll(() => database?.close());

function percentile(sorted: number[], p: number): number {
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (at - lo);
}

async function comparePortfolio(manager: Actor, f: RefFilter) {
  const db = database.db;
  const p = (await getPortfolio(db, manager, { from: f.from, to: f.to, consultantId: f.consultantId, today: f.to }))!;
  const ends = await refEnds(db, f);
  const dist = [1, 2, 3, 4, 5, 6].map((s) => ends.filter((e) => e.at_end === s).length);
  expect(p.distribution.map((d) => d.count)).toEqual(dist);
  expect(p.withoutStage).toBe(ends.filter((e) => e.at_end === null).length);
  expect(p.totalClients).toBe(ends.length);

  const months = await refOverTime(db, f);
  const expected = new Map<string, number[]>();
  for (const m of p.overTime) expected.set(m.month, [0, 0, 0, 0, 0, 0]);
  for (const r of months) expected.get(r.month)![Number(r.stage) - 1] = Number(r.count);
  expect(Object.fromEntries(p.overTime.map((m) => [m.month, m.counts]))).toEqual(Object.fromEntries(expected));

  const flows = await refFlows(db, f);
  expect(p.flows.map((x) => [x.from, x.to, x.count, x.clients])).toEqual(flows.map((x) => [Number(x.from_stage), Number(x.to_stage), Number(x.count), Number(x.clients)]));

  const spells = await refCompletedSpells(db, f);
  expect(p.timeInStage.map((t) => [t.stage, t.spells, t.min, t.max, t.median, t.p25, t.p75])).toEqual(
    spells.map((s) => {
      const d = s.days.map(Number);
      return [Number(s.stage), d.length, d[0], d[d.length - 1], percentile(d, 0.5), percentile(d, 0.25), percentile(d, 0.75)];
    }),
  );

  // Seen from a later today, the range ends before it: the clients checked in after its end are
  // found by scanning the status rows rather than through the check-ins' date index. Same counts.
  const later = (await getPortfolio(db, manager, { from: f.from, to: f.to, consultantId: f.consultantId, today: "2099-12-31" }))!;
  expect([later.consultants, later.distribution, later.withoutStage]).toEqual([p.consultants, p.distribution, p.withoutStage]);

  // The page's pass over the spells with the Kaplan–Meier counts: the same figures, and the same
  // estimate as getTimeInStage's own statement.
  const withCurves = (await getPortfolio(db, manager, { from: f.from, to: f.to, consultantId: f.consultantId, today: f.to }, { survival: true }))!;
  const { survival, ...rest } = withCurves;
  expect(rest).toEqual(p);
  expect(survival).toEqual(await getTimeInStage(db, manager, { from: f.from, to: f.to, consultantId: f.consultantId, today: f.to }));
  expect(survival!.stages.some((s) => s.events > 0)).toBe(true);

  for (const c of p.consultants) {
    const mine = ends.filter((e) => e.consultant_id === c.consultantId);
    expect(c.clients).toBe(mine.length);
    expect(c.stageMix).toEqual([1, 2, 3, 4, 5, 6].map((s) => mine.filter((e) => e.at_end === s).length));
    expect(c.netMovement).toBe(mine.reduce((n, e) => (e.at_end !== null && e.at_start !== null ? n + e.at_end - e.at_start : n), 0));
  }
  return p;
}

async function compareStatus(manager: Actor) {
  const rows = await listClientStatus(database.db, manager, { includeArchived: true, today: "2026-06-30" });
  const ref = new Map((await refStatus(database.db, manager.firmId)).map((r) => [r.id, r]));
  expect(rows.length).toBe(ref.size);
  for (const s of rows) {
    const r = ref.get(s.id)!;
    expect([s.stage, s.stageSince, s.previousStage, s.lastCheckIn, s.checkInCount, s.overrideStage, s.selfStage, s.selfDate], s.name).toEqual([
      r.stage === null ? null : Number(r.stage), r.since, r.prev === null ? null : Number(r.prev), r.last, Number(r.n),
      r.ovr === null ? null : Number(r.ovr), r.self === null ? null : Number(r.self), r.self_date,
    ]);
  }
  return rows;
}

describe("stored spells and status", () => {
  it("equal a full recomputation after random incremental writes", async () => {
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
  });

  it("give the former queries' status on the demo firm and the generated firm", async () => {
    expect((await compareStatus(demoManager)).some((s) => s.stage !== null)).toBe(true);
    const generated = await compareStatus(genManager);
    expect(generated.filter((s) => s.previousStage !== null).length).toBeGreaterThan(5);
  });

  it("give the former queries' portfolio figures on the demo firm", async () => {
    const p = await comparePortfolio(demoManager, { firmId: demoManager.firmId, from: "2025-07-01", to: "2026-06-30" });
    expect(p.flows.length).toBeGreaterThan(0);
    await comparePortfolio(demoManager, { firmId: demoManager.firmId, from: "2024-01-15", to: "2026-03-17" });
  });

  it("give the former queries' portfolio figures on the generated firm, whole and per consultant", async () => {
    const [span] = await queryRows<{ lo: string; hi: string }>(
      database.db,
      sql`select min(k.date)::text as lo, max(k.date)::text as hi from check_ins k join clients c on c.id = k.client_id where c.firm_id = ${genManager.firmId}`,
    );
    const hi = span!.hi;
    const lo = span!.lo > `${Number(hi.slice(0, 4)) - 9}${hi.slice(4)}` ? span!.lo : `${Number(hi.slice(0, 4)) - 9}${hi.slice(4)}`;
    const whole = await comparePortfolio(genManager, { firmId: genManager.firmId, from: lo, to: hi });
    expect(whole.flows.some((x) => x.direction === "backward")).toBe(true);
    expect(whole.timeInStage.length).toBeGreaterThan(2);
    const mid = new Date((Date.parse(lo) + Date.parse(hi)) / 2).toISOString().slice(0, 10);
    await comparePortfolio(genManager, { firmId: genManager.firmId, from: lo, to: mid });
    await comparePortfolio(genManager, { firmId: genManager.firmId, consultantId: genConsultants[1]!.id, from: mid, to: hi });
  });
});

/** firstClientsPerConsultant for the lists the portfolio counts clients in, against numbering the whole firm. */
async function compareFirstClients(actor: Actor, f: RefFilter & { industry?: string }, limit: number) {
  const filters: PortfolioFilters = { from: f.from, to: f.to, consultantId: f.consultantId ?? null, industry: f.industry ?? null };
  const p = (await getPortfolio(database.db, actor, filters))!;
  const lists = p.consultants.filter((c) => c.clients > 0).map((c) => c.consultantId);
  const got = (await firstClientsPerConsultant(database.db, actor, filters, limit, lists))!;
  const want = await refFirstClients(database.db, f, limit);
  expect(got.map((c) => [c.id, c.consultantId, c.stage, c.lastCheckIn])).toEqual(
    want.map((r) => [r.id, r.consultant_id, r.stage === null ? null : Number(r.stage), r.last_check_in]),
  );
  return got;
}

describe("the first clients per consultant", () => {
  it("are the ones numbering the whole firm gave: demo firm, generated firm, filters, the unassigned and the archived", async () => {
    const demo = { firmId: demoManager.firmId, from: "2025-07-01", to: "2026-06-30" };
    expect((await compareFirstClients(demoManager, demo, 25)).length).toBeGreaterThan(3);
    await compareFirstClients(demoManager, demo, 1);
    await compareFirstClients(demoManager, { ...demo, to: "2025-12-31" }, 2);
    const [industry] = await queryRows<{ industry: string }>(database.db, sql`select industry from clients where firm_id = ${demoManager.firmId} and industry is not null limit 1`);
    expect((await compareFirstClients(demoManager, { ...demo, industry: industry!.industry }, 25)).length).toBeGreaterThan(0);

    const gen = { firmId: genManager.firmId, from: "2020-01-01", to: "2026-06-30" };
    for (const limit of [1, 3, 25]) await compareFirstClients(genManager, gen, limit);
    await compareFirstClients(genManager, { ...gen, consultantId: genConsultants[0]!.id }, 3);
    // One client without a consultant, one archived: a list of their own, and left out.
    const [a, b] = await queryRows<{ id: string }>(database.db, sql`select id from clients where firm_id = ${genManager.firmId} order by name_key desc limit 2`);
    await database.db.execute(sql`delete from assignments where client_id = ${a!.id}`);
    await database.db.execute(sql`update clients set archived = true, archived_on = ${gen.to}::date where id = ${b!.id}`);
    const after = await compareFirstClients(genManager, gen, 25);
    expect(after.filter((c) => c.consultantId === null).map((c) => c.id)).toEqual([a!.id]);
    expect(after.some((c) => c.id === b!.id)).toBe(false);
    await compareFirstClients(genManager, gen, 1);
    // Filtered to one consultant, the unassigned are not in it.
    expect((await compareFirstClients(genManager, { ...gen, consultantId: genConsultants[1]!.id }, 25)).every((c) => c.consultantId === genConsultants[1]!.id)).toBe(true);
  });
});

