import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";
import { auditLog, checkIns, stageAssessments } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createClient } from "@/db/queries/clients";
import {
  createCheckIn, deleteCheckIn, getCheckIn, latestCheckIn, listCheckInsWithStages, StaleVersionError, updateCheckIn,
} from "@/db/queries/checkins";
import type { CheckInFields } from "@/lib/checkin-format";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";

let database: Database;
let consultant: Actor;
let consultant2: Actor;
let manager: Actor;
let clientUser: Actor;

const actor = (email: string): Promise<Actor> => actorByEmail(database.db, email);

const NOTHING: CheckInFields = {
  date: "2026-01-10", consultant: null, accounts: [], accountsSince: null, postsLast30d: 0, rhythm: "none", automatedShare: 0,
  replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "dismissive",
  followers: null, notes: null,
};
const TRIAL: CheckInFields = { ...NOTHING, date: "2026-03-02", accounts: ["facebook", "x", "blog"], postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7, attitude: "hopeful" };

async function newClient(name: string): Promise<string> {
  const c = await createClient(database.db, consultant, { name: `${name} ${randomUUID().slice(0, 8)}` });
  return c!.id;
}

async function auditFor(entityId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

async function storedStages(clientId: string): Promise<string> {
  const rows = await database.db.select({ stage: stageAssessments.stage }).from(stageAssessments).where(eq(stageAssessments.clientId, clientId)).orderBy(stageAssessments.seq);
  return rows.map((r) => r.stage).join("");
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-11-20" });
  consultant = await actor("consultant@example.com");
  consultant2 = await actor("consultant2@example.com");
  manager = await actor("manager@example.com");
  clientUser = await actor("client@example.com");
});
afterAll(async () => database?.close());

describe("create", () => {
  it("stores the check-in, recomputes the stage and writes one audit row in the same transaction", async () => {
    const clientId = await newClient("Create");
    const first = await createCheckIn(database.db, consultant, clientId, NOTHING, { notesInternal: false });
    expect(first).toMatchObject({ stageBefore: null, stageAfter: 1, duplicate: false });
    expect(first!.checkIn.notesInternal).toBe(false);
    expect(first!.checkIn.consultant).toBe("consultant@example.com");
    const second = await createCheckIn(database.db, consultant, clientId, TRIAL);
    expect(second).toMatchObject({ stageBefore: 1, stageAfter: 2, duplicate: false });
    expect(second!.checkIn.notesInternal).toBe(true);
    expect(await storedStages(clientId)).toBe("12");
    const audit = await auditFor(second!.checkIn.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "checkin.create", actorId: consultant.id, clientId, entityType: "check_in" });
    expect((audit[0].after as CheckInFields).postsLast30d).toBe(3);
    const history = await listCheckInsWithStages(database.db, consultant, clientId);
    expect(history!.map((h) => [h.stage, h.authorName])).toEqual([[1, "Priya Raman"], [2, "Priya Raman"]]);
    expect((await latestCheckIn(database.db, consultant, clientId))!.id).toBe(second!.checkIn.id);
  });

  it("is refused for a client the actor cannot see, and for a client user", async () => {
    const clientId = await newClient("Refused");
    expect(await createCheckIn(database.db, consultant2, clientId, NOTHING)).toBeNull();
    expect(await createCheckIn(database.db, clientUser, clientId, NOTHING)).toBeNull();
    expect(await database.db.select().from(checkIns).where(eq(checkIns.clientId, clientId))).toHaveLength(0);
    // ...and the owner and the firm's manager still can.
    expect(await createCheckIn(database.db, manager, clientId, NOTHING)).not.toBeNull();
    expect(await getCheckIn(database.db, consultant2, (await latestCheckIn(database.db, consultant, clientId))!.id)).toBeNull();
  });

  it("20 parallel submissions of one form (one idempotency key) create one check-in and one audit row", async () => {
    const clientId = await newClient("Idempotent");
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => createCheckIn(database.db, consultant, clientId, TRIAL, { idempotencyKey: key })));
    const rows = await database.db.select().from(checkIns).where(eq(checkIns.clientId, clientId));
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r!.checkIn.id))).toEqual(new Set([rows[0].id]));
    expect(results.filter((r) => r!.duplicate)).toHaveLength(19);
    expect(await auditFor(rows[0].id)).toHaveLength(1);
    expect(await storedStages(clientId)).toBe("2");
    // A new form render (a new key) is a new check-in.
    await createCheckIn(database.db, consultant, clientId, TRIAL, { idempotencyKey: randomUUID() });
    expect(await database.db.select().from(checkIns).where(eq(checkIns.clientId, clientId))).toHaveLength(2);
  });

  it("the same key from another consultant does not collide", async () => {
    const a = await newClient("KeyA");
    const key = randomUUID();
    await createCheckIn(database.db, consultant, a, NOTHING, { idempotencyKey: key });
    const [other] = (await queryRows<{ id: string }>(database.db, sql`select c.id from clients c join assignments a on a.client_id = c.id where a.consultant_id = ${consultant2.id} limit 1`));
    const r = await createCheckIn(database.db, consultant2, other.id, NOTHING, { idempotencyKey: key });
    expect(r).toMatchObject({ duplicate: false });
  });
});

describe("edit", () => {
  it("applies to the version the editor saw, bumps the version, recomputes and audits before/after", async () => {
    const clientId = await newClient("Edit");
    await createCheckIn(database.db, consultant, clientId, NOTHING);
    const second = (await createCheckIn(database.db, consultant, clientId, TRIAL))!.checkIn;
    expect(await storedStages(clientId)).toBe("12");
    const r = await updateCheckIn(database.db, consultant, second.id, 1, { ...TRIAL, accounts: [], postsLast30d: 0, rhythm: "none" }, { notesInternal: false });
    expect(r).toMatchObject({ stageBefore: 2, stageAfter: 1 });
    expect(r!.checkIn.version).toBe(2);
    expect(r!.checkIn.notesInternal).toBe(false);
    expect(r!.checkIn.consultant).toBe("consultant@example.com");
    expect(await storedStages(clientId)).toBe("11");
    const audit = await auditFor(second.id);
    expect(audit.map((a) => a.action)).toEqual(["checkin.create", "checkin.update"]);
    expect((audit[1].before as CheckInFields).postsLast30d).toBe(3);
    expect((audit[1].after as CheckInFields).postsLast30d).toBe(0);
  });

  it("two edits of the same version: one wins, the other gets the conflict and changes nothing", async () => {
    const clientId = await newClient("Race");
    const c = (await createCheckIn(database.db, consultant, clientId, TRIAL))!.checkIn;
    const outcomes = await Promise.allSettled([
      updateCheckIn(database.db, consultant, c.id, 1, { ...TRIAL, postsLast30d: 5 }),
      updateCheckIn(database.db, manager, c.id, 1, { ...TRIAL, postsLast30d: 7 }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(StaleVersionError);
    expect((lost[0].reason as StaleVersionError).current.version).toBe(2);
    const [row] = await database.db.select().from(checkIns).where(eq(checkIns.id, c.id));
    expect(row.version).toBe(2);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updateCheckIn>>>).value!;
    expect(row.postsLast30d).toBe(winner.checkIn.postsLast30d);
    expect((await auditFor(c.id)).filter((a) => a.action === "checkin.update")).toHaveLength(1);
    // A stale edit after the fact is refused too.
    await expect(updateCheckIn(database.db, consultant, c.id, 1, TRIAL)).rejects.toBeInstanceOf(StaleVersionError);
  });

  it("is refused (null) for another consultant's client and for a client user", async () => {
    const clientId = await newClient("EditRefused");
    const c = (await createCheckIn(database.db, consultant, clientId, TRIAL))!.checkIn;
    expect(await updateCheckIn(database.db, consultant2, c.id, 1, NOTHING)).toBeNull();
    expect(await updateCheckIn(database.db, clientUser, c.id, 1, NOTHING)).toBeNull();
    expect(await updateCheckIn(database.db, consultant, "not-a-uuid", 1, NOTHING)).toBeNull();
    const [row] = await database.db.select().from(checkIns).where(eq(checkIns.id, c.id));
    expect(row.version).toBe(1);
  });
});

describe("delete", () => {
  it("removes the check-in, recomputes the history and keeps an audit row with what was deleted", async () => {
    const clientId = await newClient("Delete");
    const first = (await createCheckIn(database.db, consultant, clientId, NOTHING))!.checkIn;
    const second = (await createCheckIn(database.db, consultant, clientId, TRIAL))!.checkIn;
    expect(await deleteCheckIn(database.db, consultant2, second.id, 1)).toBeNull();
    await expect(deleteCheckIn(database.db, consultant, second.id, 2)).rejects.toBeInstanceOf(StaleVersionError);
    expect(await storedStages(clientId)).toBe("12");
    const r = await deleteCheckIn(database.db, consultant, second.id, 1);
    expect(r).toEqual({ clientId, stageBefore: 2, stageAfter: 1 });
    expect(await storedStages(clientId)).toBe("1");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, second.id), eq(auditLog.action, "checkin.delete")));
    expect(audit).toHaveLength(1);
    expect((audit[0].before as CheckInFields).accounts).toEqual(["facebook", "x", "blog"]);
    await deleteCheckIn(database.db, manager, first.id, 1);
    expect(await storedStages(clientId)).toBe("");
    expect(await getCheckIn(database.db, consultant, first.id)).toBeNull();
  });
});
