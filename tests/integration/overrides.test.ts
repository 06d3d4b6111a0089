import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { auditLog, stageOverrides } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createClient } from "@/db/queries/clients";
import { listClientsForList } from "@/db/queries/client-status";
import { createCheckIn } from "@/db/queries/checkins";
import { listClientStatus } from "@/db/queries/client-status";
import { activeOverride, createOverride, listOverrides, withdrawOverride } from "@/db/queries/overrides";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";

let database: Database;
let consultant: Actor;
let consultant2: Actor;
let manager: Actor;
let clientUser: Actor;
let otherManager: Actor;

const actor = (email: string): Promise<Actor> => actorByEmail(database.db, email);

const INPUT = { stage: 4, reason: "Posts on a schedule since March; the data lags.", internal: false, effectiveDate: "2026-05-01" };

async function newClient(): Promise<string> {
  const c = await createClient(database.db, consultant, { name: `Override ${randomUUID().slice(0, 8)}` });
  await createCheckIn(database.db, consultant, c!.id, {
    date: "2026-04-01", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7,
    replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "hopeful", followers: null, notes: null,
  });
  return c!.id;
}

const auditOf = (id: string) => database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-11-20" });
  consultant = await actor("consultant@example.com");
  consultant2 = await actor("consultant2@example.com");
  manager = await actor("manager@example.com");
  clientUser = await actor("client@example.com");
  otherManager = await actor("other-manager@example.org");
});
afterAll(async () => database?.close());

describe("overrides", () => {
  it("stores an override beside the inference (the stage history is untouched) with an audit row", async () => {
    const clientId = await newClient();
    const before = (await listClientsForList(database.db, consultant)).find((c) => c.id === clientId)!;
    const o = await createOverride(database.db, consultant, clientId, { ...INPUT, reason: `  ${INPUT.reason}  ` });
    expect(o).toMatchObject({ clientId, stage: 4, reason: INPUT.reason, internal: false, effectiveDate: "2026-05-01", authorId: consultant.id, withdrawnAt: null });
    const after = (await listClientsForList(database.db, consultant)).find((c) => c.id === clientId)!;
    expect(after.stage).toBe(before.stage);
    expect(after.stage).toBe(2);
    const status = (await listClientStatus(database.db, consultant)).find((c) => c.id === clientId)!;
    expect(status.overrideStage).toBe(4);
    expect(status.flags).toContain("override-differs");
    const audit = await auditOf(o!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "override.create", actorId: consultant.id, clientId, entityType: "stage_override" });
    expect(audit[0].after).toMatchObject({ stage: 4, reason: INPUT.reason });
    const list = await listOverrides(database.db, consultant, clientId);
    expect(list!.map((r) => [r.id, r.authorName])).toEqual([[o!.id, "Priya Raman"]]);
  });

  it("a new override replaces the active one: the old one is withdrawn in the same transaction", async () => {
    const clientId = await newClient();
    const first = await createOverride(database.db, consultant, clientId, INPUT);
    const second = await createOverride(database.db, manager, clientId, { ...INPUT, stage: 3, internal: true });
    const list = await listOverrides(database.db, consultant, clientId);
    expect(list!.map((r) => r.id)).toEqual([second!.id, first!.id]);
    expect(activeOverride(list!)!.id).toBe(second!.id);
    expect(list!.find((r) => r.id === first!.id)!.withdrawnBy).toBe(manager.id);
    expect((await auditOf(first!.id)).map((a) => a.action)).toEqual(["override.create", "override.withdraw"]);
  });

  it("withdraw: once, audited, and the inference stands alone again", async () => {
    const clientId = await newClient();
    const o = await createOverride(database.db, consultant, clientId, INPUT);
    expect(await withdrawOverride(database.db, consultant2, o!.id)).toBeNull();
    expect(await withdrawOverride(database.db, clientUser, o!.id)).toBeNull();
    expect(await withdrawOverride(database.db, otherManager, o!.id)).toBeNull();
    const w = await withdrawOverride(database.db, consultant, o!.id);
    expect(w!.withdrawnAt).not.toBeNull();
    expect(w!.withdrawnBy).toBe(consultant.id);
    expect(await withdrawOverride(database.db, consultant, o!.id)).toBeNull();
    expect((await auditOf(o!.id)).map((a) => a.action)).toEqual(["override.create", "override.withdraw"]);
    expect(activeOverride((await listOverrides(database.db, consultant, clientId))!)).toBeNull();
    const status = (await listClientStatus(database.db, consultant)).find((c) => c.id === clientId)!;
    expect(status.overrideStage).toBeNull();
  });

  it("is scoped and validated: other consultants, client users, other firms and bad input write nothing", async () => {
    const clientId = await newClient();
    expect(await createOverride(database.db, consultant2, clientId, INPUT)).toBeNull();
    expect(await createOverride(database.db, clientUser, clientId, INPUT)).toBeNull();
    expect(await createOverride(database.db, otherManager, clientId, INPUT)).toBeNull();
    expect(await createOverride(database.db, consultant, clientId, { ...INPUT, reason: "   " })).toBeNull();
    expect(await createOverride(database.db, consultant, clientId, { ...INPUT, reason: "x".repeat(2001) })).toBeNull();
    expect(await createOverride(database.db, consultant, clientId, { ...INPUT, stage: 7 })).toBeNull();
    expect(await createOverride(database.db, consultant, "nope", INPUT)).toBeNull();
    expect(await database.db.select().from(stageOverrides).where(eq(stageOverrides.clientId, clientId))).toHaveLength(0);
    expect(await listOverrides(database.db, consultant2, clientId)).toBeNull();
    expect(await listOverrides(database.db, otherManager, clientId)).toBeNull();
  });

  it("a client user sees their own client's overrides, but never internal ones", async () => {
    const own = clientUser.clientId!;
    const shared = await createOverride(database.db, consultant, own, { ...INPUT, reason: "shared reason" });
    const internal = await createOverride(database.db, consultant, own, { ...INPUT, reason: "internal reason", internal: true });
    const seen = (await listOverrides(database.db, clientUser, own))!.map((r) => r.id);
    expect(seen).toContain(shared!.id);
    expect(seen).not.toContain(internal!.id);
    expect((await listOverrides(database.db, consultant, own))!.map((r) => r.id)).toContain(internal!.id);
  });
});
