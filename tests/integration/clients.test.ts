import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { assignments, auditLog, checkIns, clients, firms, stageAssessments, stageOverrides, users } from "@/db/schema";
import { createClient, DuplicateClientError, listAssignableConsultants, setClientArchived } from "@/db/queries/clients";
import { listClientStatus, listClientsForList } from "@/db/queries/client-status";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";

// A small hand-built firm: every flag is set up on purpose, stage histories are written directly.
let database: Database;
const TODAY = "2026-06-30";
let manager: Actor, ann: Actor, ben: Actor, clientUser: Actor, outsider: Actor;
const ids: Record<string, string> = {};

function daysAgo(n: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

function asActor(u: typeof users.$inferSelect): Actor {
  return { id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name };
}

/** A client led by `lead`, with one check-in per [daysAgo, stage] entry, oldest first. */
async function client(name: string, lead: Actor, history: [number, number][]) {
  const db = database.db;
  const [c] = await db.insert(clients).values({ firmId: lead.firmId, name, createdAt: new Date("2025-01-01T12:00:00Z") }).returning();
  await db.insert(assignments).values({ clientId: c.id, consultantId: lead.id });
  for (const [seq, [ago, stage]] of history.entries()) {
    const [k] = await db
      .insert(checkIns)
      .values({ clientId: c.id, authorId: lead.id, date: daysAgo(ago), postsLast30d: 1, rhythm: "sporadic", replies: "none", results: "none" })
      .returning();
    await db.insert(stageAssessments).values({ checkInId: k.id, clientId: c.id, date: daysAgo(ago), seq, stage, confidence: 0.8, reasons: [], missing: [] });
  }
  ids[name] = c.id;
  return c.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Hand-built firm" }).returning();
  const [otherFirm] = await db.insert(firms).values({ name: "Elsewhere" }).returning();
  const mk = async (firmId: string, email: string, role: "manager" | "consultant", name: string) =>
    asActor((await db.insert(users).values({ firmId, email, name, role }).returning())[0]);
  manager = await mk(firm.id, "m@hand.test", "manager", "Mona Manager");
  ann = await mk(firm.id, "ann@hand.test", "consultant", "Ann Adams");
  ben = await mk(firm.id, "ben@hand.test", "consultant", "Ben Brown");
  outsider = await mk(otherFirm.id, "o@else.test", "consultant", "Oscar Outsider");

  await client("Quiet Quilts", ann, []); // no check-ins
  await client("Steady Sails", ann, [[300, 1], [200, 2], [100, 2], [10, 2]]); // stage 2 for 200 days: stalled
  await client("Backslide Bakery", ann, [[90, 3], [60, 4], [5, 3]]); // 4 -> 3: regressed
  await client("Override Optics", ben, [[40, 2], [20, 3]]);
  await client("Top Tier Tea", ben, [[400, 5], [300, 6], [60, 6]]); // stage 6 for 300 days: not stalled, but no recent check-in
  await db.insert(stageOverrides).values([
    { clientId: ids["Override Optics"]!, stage: 1, reason: "withdrawn one", effectiveDate: daysAgo(30), authorId: ben.id, withdrawnAt: new Date(), createdAt: new Date(Date.now() - 10_000) },
    { clientId: ids["Override Optics"]!, stage: 5, reason: "they just signed up for analytics", effectiveDate: daysAgo(15), authorId: ben.id },
    { clientId: ids["Top Tier Tea"]!, stage: 6, reason: "agrees with the inference", effectiveDate: daysAgo(15), authorId: ben.id },
  ]);
  const [cu] = await db.insert(users).values({ firmId: firm.id, email: "cu@hand.test", name: "Client User", role: "client", clientId: ids["Quiet Quilts"] }).returning();
  clientUser = asActor(cu);
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

describe("listClientStatus flags", () => {
  it("flags no check-ins, stalled, regressed and override-differs exactly where they apply", async () => {
    const rows = await listClientStatus(database.db, manager, { today: TODAY });
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(by).sort()).toEqual(["Backslide Bakery", "Override Optics", "Quiet Quilts", "Steady Sails", "Top Tier Tea"]);
    expect(by["Quiet Quilts"]).toMatchObject({ stage: null, lastCheckIn: null, daysInStage: null, flags: ["no-recent-checkin"] });
    expect(by["Steady Sails"]).toMatchObject({ stage: 2, stageSince: daysAgo(200), daysInStage: 200, lastCheckIn: daysAgo(10), flags: ["stalled"] });
    expect(by["Backslide Bakery"]).toMatchObject({ stage: 3, previousStage: 4, daysInStage: 5, flags: ["regressed"] });
    expect(by["Override Optics"]).toMatchObject({ stage: 3, overrideStage: 5, flags: ["override-differs"] });
    expect(by["Top Tier Tea"]).toMatchObject({ stage: 6, overrideStage: 6, daysInStage: 300, flags: ["no-recent-checkin"] });
  });

  it("scopes by role: a consultant sees their own clients, a client user only theirs, another firm none", async () => {
    expect((await listClientStatus(database.db, ann, { today: TODAY })).map((r) => r.name)).toEqual(["Backslide Bakery", "Quiet Quilts", "Steady Sails"]);
    expect((await listClientStatus(database.db, ben, { today: TODAY })).map((r) => r.name)).toEqual(["Override Optics", "Top Tier Tea"]);
    expect(await listClientsForList(database.db, clientUser, { today: TODAY })).toEqual([]);
    expect(await listClientsForList(database.db, outsider, { today: TODAY })).toEqual([]);
  });
});

describe("the client list query", () => {
  const names = (rows: { name: string }[]) => rows.map((r) => r.name);

  it("searches by name, case-insensitively", async () => {
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, q: "bAk" }))).toEqual(["Backslide Bakery"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, q: "t" }))).toEqual(["Backslide Bakery", "Override Optics", "Quiet Quilts", "Steady Sails", "Top Tier Tea"].filter((n) => n.toLowerCase().includes("t")));
  });

  it("filters by stage (and 'none') and by flag", async () => {
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, stage: 3 }))).toEqual(["Backslide Bakery", "Override Optics"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, stage: "none" }))).toEqual(["Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, flag: "no-recent-checkin" }))).toEqual(["Quiet Quilts", "Top Tier Tea"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, flag: "stalled", stage: 2 }))).toEqual(["Steady Sails"]);
    expect(names(await listClientsForList(database.db, ann, { today: TODAY, flag: "override-differs" }))).toEqual([]);
  });

  it("sorts by any column, either way, with missing values last", async () => {
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "stage", dir: "desc" }))).toEqual(["Top Tier Tea", "Backslide Bakery", "Override Optics", "Steady Sails", "Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "stage" }))).toEqual(["Steady Sails", "Backslide Bakery", "Override Optics", "Top Tier Tea", "Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "lastCheckIn", dir: "desc" }))).toEqual(["Backslide Bakery", "Steady Sails", "Override Optics", "Top Tier Tea", "Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "daysInStage", dir: "desc" }))).toEqual(["Top Tier Tea", "Steady Sails", "Override Optics", "Backslide Bakery", "Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "consultant" }))).toEqual(["Backslide Bakery", "Quiet Quilts", "Steady Sails", "Override Optics", "Top Tier Tea"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, sort: "name", dir: "desc" }))).toEqual(["Top Tier Tea", "Steady Sails", "Quiet Quilts", "Override Optics", "Backslide Bakery"]);
  });
});

describe("creating and archiving clients", () => {
  it("a consultant creates a client assigned to themselves, with an audit row; a duplicate name (any case) is refused", async () => {
    const c = await createClient(database.db, ann, { name: "  Fresh Fields ", industry: "Grocery" });
    expect(c).toMatchObject({ name: "Fresh Fields", industry: "Grocery", archived: false });
    const [a] = await database.db.select().from(assignments).where(eq(assignments.clientId, c!.id));
    expect(a.consultantId).toBe(ann.id);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, c!.id), eq(auditLog.action, "client.create")));
    expect(audit).toHaveLength(1);
    await expect(createClient(database.db, ben, { name: "FRESH FIELDS" })).rejects.toBeInstanceOf(DuplicateClientError);
    // Another firm may use the same name.
    expect(await createClient(database.db, outsider, { name: "Fresh Fields" })).not.toBeNull();
  });

  it("a manager must name an active consultant of the firm as lead; a client user cannot create", async () => {
    expect(await createClient(database.db, manager, { name: "Managed Co" })).toBeNull();
    expect(await createClient(database.db, manager, { name: "Managed Co", consultantId: outsider.id })).toBeNull();
    expect(await createClient(database.db, manager, { name: "Managed Co", consultantId: manager.id })).toBeNull();
    const c = await createClient(database.db, manager, { name: "Managed Co", consultantId: ben.id });
    const [a] = await database.db.select().from(assignments).where(eq(assignments.clientId, c!.id));
    expect(a.consultantId).toBe(ben.id);
    expect(await createClient(database.db, clientUser, { name: "Sneaky Co" })).toBeNull();
    expect((await listAssignableConsultants(database.db, manager))!.map((u) => u.name)).toEqual(["Ann Adams", "Ben Brown"]);
    expect(await listAssignableConsultants(database.db, ann)).toBeNull();
  });

  it("archiving hides a client from the list, the Archived filter shows it, and only those who see it may archive it", async () => {
    const id = ids["Quiet Quilts"]!;
    expect(await setClientArchived(database.db, ben, id, true)).toBeNull();
    expect(await setClientArchived(database.db, outsider, id, true)).toBeNull();
    expect(await setClientArchived(database.db, clientUser, id, true)).toBeNull();
    expect(await setClientArchived(database.db, ann, id, true)).toMatchObject({ archived: true });
    expect(names(await listClientsForList(database.db, ann, { today: TODAY }))).not.toContain("Quiet Quilts");
    expect(names(await listClientsForList(database.db, ann, { today: TODAY, archived: true }))).toEqual(["Quiet Quilts"]);
    expect(names(await listClientsForList(database.db, manager, { today: TODAY, archived: true }))).toEqual(["Quiet Quilts"]);
    expect(await setClientArchived(database.db, manager, id, false)).toMatchObject({ archived: false });
    expect(names(await listClientsForList(database.db, ann, { today: TODAY }))).toContain("Quiet Quilts");
    const audit = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audit.map((r) => r.action)).toEqual(["client.archive", "client.unarchive"]);
  });

  function names(rows: { name: string }[]) {
    return rows.map((r) => r.name);
  }
});
