import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { assignments, checkIns, clients, firms, stageAssessments, users } from "@/db/schema";
import { agreementClients, getAgreement, type AgreementDrill } from "@/db/queries/insight/agreement";
import { createOverride, withdrawOverride } from "@/db/queries/overrides";
import { recordSelfAssessment } from "@/db/queries/self-assessments";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";

// A fixed firm whose agreement figures are worked out by hand. Inferred stages are written as
// stored histories; overrides and self-assessments go through the app's own writers, so
// client_status is kept as in production.
//   client  consultant industry inferred  active override          latest self-assessment
//   A1      Ann        cafe     3         3                        4
//   A2      Ann        cafe     2         4                        2
//   A3      Ann        retail   5 (was 2) 4 (replaced an earlier 6) 5 (after an earlier 1)
//   A4      Ann        retail   none      2                        3          (no stage: in no pair)
//   B1      Ben        cafe     1         6                        none
//   B2      Ben        retail   4         none                     4
//   B3      Ben        cafe     6         none (5, withdrawn)      3
//   U1      nobody     cafe     2         none                     3
//   X       Ann        cafe     3         1                        none       (archived: left out)
//   Other firm: Z inferred 2, override 2.
// Override pairs: (3,3) (2,4) (5,4) (1,6)            → 4 pairs, 1 exact, 2 within one.
// Self pairs:     (3,4) (2,2) (5,5) (4,4) (6,3) (2,3) → 6 pairs, 3 exact, 5 within one.
let database: Database;
let manager: Actor, ann: Actor, ben: Actor, otherManager: Actor, clientUser: Actor;
const ids: Record<string, string> = {};

const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });

async function addClient(firmId: string, name: string, industry: string, consultantId: string | null, stages: number[]) {
  const db = database.db;
  const [c] = await db.insert(clients).values({ firmId, name, industry }).returning();
  if (consultantId) await db.insert(assignments).values({ clientId: c!.id, consultantId });
  for (let seq = 0; seq < stages.length; seq++) {
    const date = `2026-0${seq + 1}-15`;
    const [k] = await db.insert(checkIns).values({ clientId: c!.id, authorId: consultantId ?? manager.id, date, postsLast30d: 0, rhythm: "none", replies: "none", results: "none" }).returning();
    await db.insert(stageAssessments).values({ checkInId: k!.id, clientId: c!.id, date, seq, stage: stages[seq]!, confidence: 0.8, reasons: [], missing: [] });
  }
  ids[name] = c!.id;
}

async function override(actor: Actor, client: string, stage: number) {
  const row = await createOverride(database.db, actor, ids[client]!, { stage, reason: "Seen at the visit", internal: false, effectiveDate: "2026-05-01" });
  if (!row) throw new Error(`override for ${client} refused`);
  return row;
}

async function selfSays(firmId: string, client: string, ...stages: number[]) {
  const [u] = await database.db.insert(users).values({ firmId, email: `${client.toLowerCase()}@agree.test`, name: `${client} owner`, role: "client", clientId: ids[client] }).returning();
  for (const stage of stages) {
    if (!(await recordSelfAssessment(database.db, actorOf(u!), { stage, date: "2026-05-10" }))) throw new Error(`self-assessment for ${client} refused`);
  }
  return actorOf(u!);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Agree" }).returning();
  const [other] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const [m] = await db.insert(users).values({ firmId: firm!.id, email: "m@agree.test", name: "Mia", role: "manager" }).returning();
  const [a] = await db.insert(users).values({ firmId: firm!.id, email: "ann@agree.test", name: "Ann", role: "consultant" }).returning();
  const [b] = await db.insert(users).values({ firmId: firm!.id, email: "ben@agree.test", name: "Ben", role: "consultant" }).returning();
  const [om] = await db.insert(users).values({ firmId: other!.id, email: "om@else.test", name: "Omar", role: "manager" }).returning();
  manager = actorOf(m!);
  ann = actorOf(a!);
  ben = actorOf(b!);
  otherManager = actorOf(om!);
  await addClient(firm!.id, "A1", "cafe", ann.id, [3]);
  await addClient(firm!.id, "A2", "cafe", ann.id, [1, 2]);
  await addClient(firm!.id, "A3", "retail", ann.id, [2, 5]);
  await addClient(firm!.id, "A4", "retail", ann.id, []);
  await addClient(firm!.id, "B1", "cafe", ben.id, [1]);
  await addClient(firm!.id, "B2", "retail", ben.id, [4]);
  await addClient(firm!.id, "B3", "cafe", ben.id, [6]);
  await addClient(firm!.id, "U1", "cafe", null, [2]);
  await addClient(firm!.id, "X", "cafe", ann.id, [3]);
  await addClient(other!.id, "Z", "cafe", null, [2]);
  await deriveStoredStatus(db);

  await override(ann, "A1", 3);
  await override(ann, "A2", 4);
  await override(ann, "A3", 6);
  await override(ann, "A3", 4); // withdraws the 6
  await override(ann, "A4", 2);
  await override(ben, "B1", 6);
  const b3 = await override(ben, "B3", 5);
  if (!(await withdrawOverride(db, ben, b3.id))) throw new Error("withdraw refused");
  await override(manager, "X", 1);
  await override(otherManager, "Z", 2);
  await selfSays(firm!.id, "A1", 4);
  await selfSays(firm!.id, "A2", 2);
  await selfSays(firm!.id, "A3", 1, 5);
  await selfSays(firm!.id, "A4", 3);
  await selfSays(firm!.id, "B2", 4);
  await selfSays(firm!.id, "B3", 3);
  clientUser = await selfSays(firm!.id, "U1", 3);
  await db.update(clients).set({ archived: true, archivedOn: "2026-06-01" }).where(eq(clients.id, ids.X!));
});
afterAll(async () => database?.close());

const cell = (matrix: number[][], inferred: number, other: number) => matrix[inferred - 1]![other - 1];
/** The non-zero cells of a matrix as "inferred>other:count", for compact comparisons. */
const cells = (matrix: number[][]) =>
  matrix.flatMap((row, i) => row.map((c, j) => (c ? `${i + 1}>${j + 1}:${c}` : null))).filter(Boolean);

describe("getAgreement on a hand-built firm", () => {
  it("builds the override matrix from active overrides of clients with a stage", async () => {
    const a = (await getAgreement(database.db, manager, {}))!;
    expect(cells(a.override.matrix)).toEqual(["1>6:1", "2>4:1", "3>3:1", "5>4:1"]);
    expect(a.override).toMatchObject({ total: 4, exact: 1, withinOne: 2, exactShare: 0.25, withinOneShare: 0.5 });
    expect(a.override.matrix).toHaveLength(6);
    expect(a.override.matrix.every((r) => r.length === 6)).toBe(true);
  });

  it("builds the self-assessment matrix from each client's latest answer", async () => {
    const a = (await getAgreement(database.db, manager, {}))!;
    expect(cells(a.self.matrix)).toEqual(["2>2:1", "2>3:1", "3>4:1", "4>4:1", "5>5:1", "6>3:1"]);
    expect(cell(a.self.matrix, 5, 1)).toBe(0); // A3's earlier answer does not count
    expect(a.self).toMatchObject({ total: 6, exact: 3, withinOne: 5, exactShare: 0.5 });
    expect(a.self.withinOneShare).toBeCloseTo(5 / 6);
  });

  it("counts the visible, unarchived clients and those with a stage", async () => {
    const a = (await getAgreement(database.db, manager, {}))!;
    expect(a.clients).toBe(8);
    expect(a.withStage).toBe(7);
    expect(a.filters).toEqual({ consultantId: null, industry: null });
  });

  it("breaks both comparisons down per consultant, the unassigned last", async () => {
    const a = (await getAgreement(database.db, manager, {}))!;
    expect(a.consultants.map((c) => [c.consultantName, c.clients, c.withStage])).toEqual([
      ["Ann", 4, 3],
      ["Ben", 3, 3],
      [null, 1, 1],
    ]);
    const [annRow, benRow, none] = a.consultants;
    expect(annRow!.consultantId).toBe(ann.id);
    expect(annRow!.override).toEqual({ total: 3, exact: 1, withinOne: 2, exactShare: 1 / 3, withinOneShare: 2 / 3 });
    expect(annRow!.self).toEqual({ total: 3, exact: 2, withinOne: 3, exactShare: 2 / 3, withinOneShare: 1 });
    expect(benRow!.override).toEqual({ total: 1, exact: 0, withinOne: 0, exactShare: 0, withinOneShare: 0 });
    expect(benRow!.self).toEqual({ total: 2, exact: 1, withinOne: 1, exactShare: 0.5, withinOneShare: 0.5 });
    expect(none!.consultantId).toBeNull();
    expect(none!.override).toEqual({ total: 0, exact: 0, withinOne: 0, exactShare: null, withinOneShare: null });
    expect(none!.self).toEqual({ total: 1, exact: 0, withinOne: 1, exactShare: 0, withinOneShare: 1 });
  });

  it("filters by industry and by consultant like the portfolio", async () => {
    const retail = (await getAgreement(database.db, manager, { industry: " retail " }))!;
    expect(retail.filters.industry).toBe("retail");
    expect(cells(retail.override.matrix)).toEqual(["5>4:1"]);
    expect(cells(retail.self.matrix)).toEqual(["4>4:1", "5>5:1"]);
    expect(retail.clients).toBe(3);
    const benOnly = (await getAgreement(database.db, manager, { consultantId: ben.id }))!;
    expect(cells(benOnly.override.matrix)).toEqual(["1>6:1"]);
    expect(cells(benOnly.self.matrix)).toEqual(["4>4:1", "6>3:1"]);
    expect(benOnly.consultants.map((c) => c.consultantName)).toEqual(["Ben"]);
  });

  it("follows a change: a new override moves its client to another cell", async () => {
    const before = (await getAgreement(database.db, manager, {}))!;
    expect(cell(before.override.matrix, 1, 6)).toBe(1);
    await override(ben, "B1", 1);
    const after = (await getAgreement(database.db, manager, {}))!;
    expect(cell(after.override.matrix, 1, 6)).toBe(0);
    expect(cell(after.override.matrix, 1, 1)).toBe(1);
    expect(after.override.exact).toBe(2);
    await override(ben, "B1", 6); // back as the other tests expect
  });

  it("sees only the actor's own firm", async () => {
    const a = (await getAgreement(database.db, otherManager, {}))!;
    expect(a.clients).toBe(1);
    expect(cells(a.override.matrix)).toEqual(["2>2:1"]);
    expect(a.self.total).toBe(0);
    expect(a.self.exactShare).toBeNull();
  });

  it("answers null to anyone without portfolio.read and to a malformed consultant id", async () => {
    expect(await getAgreement(database.db, ann, {})).toBeNull();
    expect(await getAgreement(database.db, clientUser, {})).toBeNull();
    expect(await getAgreement(database.db, manager, { consultantId: "not-a-uuid" })).toBeNull();
  });
});

describe("agreementClients", () => {
  const names = async (drill: AgreementDrill, filters = {}) => (await agreementClients(database.db, manager, filters, drill))?.rows.map((c) => c.name);

  it("lists the disagreements of a comparison, widest first", async () => {
    const { rows, total } = (await agreementClients(database.db, manager, {}, { against: "override", disagreeOnly: true }))!;
    expect(total).toBe(3);
    expect(rows.map((r) => [r.name, r.inferred, r.other, r.difference])).toEqual([
      ["B1", 1, 6, 5],
      ["A2", 2, 4, 2],
      ["A3", 5, 4, -1],
    ]);
    expect(rows[0]!.consultantName).toBe("Ben");
    expect(rows[0]!.otherDate).toBeNull();
    expect(await names({ against: "self", disagreeOnly: true })).toEqual(["B3", "A1", "U1"]);
  });

  it("lists the clients of one cell, with the self-assessment's date", async () => {
    const { rows } = (await agreementClients(database.db, manager, {}, { against: "self", inferred: 2, other: 2 }))!;
    expect(rows.map((r) => r.name)).toEqual(["A2"]);
    expect(rows[0]!.otherDate).toBe("2026-05-10");
    expect(await names({ against: "override", inferred: 3, other: 3 })).toEqual(["A1"]);
    expect(await names({ against: "override", inferred: 6, other: 6 })).toEqual([]);
  });

  it("narrows to one consultant, or to the clients without one, within the filters", async () => {
    expect(await names({ against: "self", consultantId: ann.id })).toEqual(["A1", "A2", "A3"]);
    expect(await names({ against: "self", consultantId: null })).toEqual(["U1"]);
    expect(await names({ against: "self", consultantId: ann.id }, { industry: "retail" })).toEqual(["A3"]);
    expect(await names({ against: "override" }, { consultantId: ben.id })).toEqual(["B1"]);
  });

  it("leaves out archived clients, clients without a stage and other firms", async () => {
    const all = await names({ against: "override" });
    expect(all).not.toContain("X");
    expect(all).not.toContain("A4");
    expect(all).not.toContain("Z");
  });

  it("comes a page at a time in the same order, with the whole list's count; past the end, empty with the count", async () => {
    const drill: AgreementDrill = { against: "self" };
    const whole = (await agreementClients(database.db, manager, {}, drill))!;
    expect(whole).toMatchObject({ total: 6, page: 1, pageCount: 1 });
    const pages = [];
    for (let p = 1; p <= 3; p++) {
      const found = (await agreementClients(database.db, manager, {}, drill, p, 2))!;
      expect(found).toMatchObject({ total: 6, page: p, pageCount: 3 });
      expect(found.rows).toHaveLength(2);
      pages.push(...found.rows);
    }
    expect(pages).toEqual(whole.rows);
    expect(await agreementClients(database.db, manager, {}, drill, 4, 2)).toEqual({ rows: [], total: 6, page: 4, pageCount: 3 });
    // A page number that is not one reads page 1.
    expect((await agreementClients(database.db, manager, {}, drill, Number.NaN, 2))!.rows).toEqual(whole.rows.slice(0, 2));
    // An empty list: page 1 of 1, past the end too.
    expect(await agreementClients(database.db, manager, {}, { against: "override", inferred: 6, other: 6 }, 2)).toEqual({ rows: [], total: 0, page: 2, pageCount: 1 });
    // Another firm's manager counts only its own client, past the end too.
    expect(await agreementClients(database.db, otherManager, {}, { against: "override" }, 2, 1)).toEqual({ rows: [], total: 1, page: 2, pageCount: 1 });
  });

  it("answers null when not allowed or malformed", async () => {
    expect(await agreementClients(database.db, ann, {}, { against: "override" })).toBeNull();
    expect(await agreementClients(database.db, clientUser, {}, { against: "self" })).toBeNull();
    expect(await agreementClients(database.db, manager, {}, { against: "other" as "self" })).toBeNull();
    expect(await agreementClients(database.db, manager, {}, { against: "self", inferred: 7 })).toBeNull();
    expect(await agreementClients(database.db, manager, {}, { against: "self", other: 0 })).toBeNull();
    expect(await agreementClients(database.db, manager, {}, { against: "self", consultantId: "x" })).toBeNull();
    expect(await agreementClients(database.db, manager, { consultantId: "x" }, { against: "self" })).toBeNull();
  });
});
