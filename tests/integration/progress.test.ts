import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { assignments, checkIns, clients, firms, stageAssessments, stageOverrides, users } from "@/db/schema";
import { getClientProgress } from "@/db/queries/progress";
import { latestSelfAssessment, recordSelfAssessment } from "@/db/queries/self-assessments";
import { listClientStatus } from "@/db/queries/client-status";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus } from "./factory";

let database: Database;
let consultant: Actor, manager: Actor, rosa: Actor, sam: Actor;
let bakery: string;
const actorOf = (u: typeof users.$inferSelect): Actor => ({ id: u.id, firmId: u.firmId, role: u.role, clientId: u.clientId, email: u.email, name: u.name });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "P" }).returning();
  const mk = async (email: string, role: "manager" | "consultant" | "client", clientId: string | null = null) =>
    actorOf((await db.insert(users).values({ firmId: firm.id, email, name: email, role, clientId }).returning())[0]);
  manager = await mk("m@p.test", "manager");
  consultant = await mk("c@p.test", "consultant");
  const add = async (name: string, history: [string, number, string | null, boolean][]) => {
    const [c] = await db.insert(clients).values({ firmId: firm.id, name }).returning();
    await db.insert(assignments).values({ clientId: c.id, consultantId: consultant.id });
    for (let seq = 0; seq < history.length; seq++) {
      const [date, stage, notes, notesInternal] = history[seq];
      const [k] = await db.insert(checkIns).values({ clientId: c.id, authorId: consultant.id, date, postsLast30d: 1, rhythm: "none", replies: "none", results: "none", notes, notesInternal }).returning();
      await db.insert(stageAssessments).values({ checkInId: k.id, clientId: c.id, date, seq, stage, confidence: 0.8, reasons: [`reason ${seq}`], missing: [`missing ${seq}`] });
    }
    return c.id;
  };
  bakery = await add("Bakery", [
    ["2025-01-10", 2, "SECRET internal note", true],
    ["2025-03-10", 3, "Shared: great photos", false],
    ["2025-06-10", 2, null, true],
    ["2025-09-10", 3, null, true],
    ["2025-12-10", 4, "Another secret", true],
  ]);
  const bikes = await add("Bikes", [["2025-02-01", 5, "Bikes shared note", false]]);
  await db.insert(stageOverrides).values({ clientId: bakery, stage: 5, reason: "INTERNAL reason", internal: true, effectiveDate: "2025-12-11", authorId: consultant.id });
  rosa = await mk("rosa@p.test", "client", bakery);
  sam = await mk("sam@p.test", "client", bikes);
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

describe("a client's own progress", () => {
  it("journey, current stage with reasons and next steps, first date of each stage", async () => {
    const p = (await getClientProgress(database.db, rosa))!;
    expect(p.client.name).toBe("Bakery");
    expect(p.journey.map((j) => j.stage)).toEqual([2, 3, 2, 3, 4]);
    expect(p.current).toEqual({ stage: 4, date: "2025-12-10", reasons: ["reason 4"], missing: ["missing 4"] });
    expect(p.milestones).toEqual([
      { stage: 2, date: "2025-01-10" },
      { stage: 3, date: "2025-03-10" },
      { stage: 4, date: "2025-12-10" },
    ]);
  });

  it("shows nothing a client should not see: no internal notes, no internal override reason, nothing of another client", async () => {
    const p = (await getClientProgress(database.db, rosa))!;
    const text = JSON.stringify(p);
    expect(text).not.toContain("SECRET");
    expect(text).not.toContain("Another secret");
    expect(text).not.toContain("INTERNAL");
    expect(text).not.toContain("Bikes");
    expect(p.sharedNotes).toEqual([{ date: "2025-03-10", notes: "Shared: great photos" }]);
    expect(p.override).toEqual({ stage: 5, effectiveDate: "2025-12-11", reason: null });
    const s = (await getClientProgress(database.db, sam))!;
    expect(s.client.name).toBe("Bikes");
    expect(JSON.stringify(s)).not.toContain("Bakery");
  });

  it("staff get null: the progress page is for client users", async () => {
    expect(await getClientProgress(database.db, manager)).toBeNull();
    expect(await getClientProgress(database.db, consultant)).toBeNull();
  });

  it("the self-assessment is kept with its date, shown back, and seen by the consultant with the gap flagged", async () => {
    expect(await recordSelfAssessment(database.db, rosa, { stage: 9 })).toBeNull();
    expect(await recordSelfAssessment(database.db, consultant, { stage: 2 })).toBeNull();
    await recordSelfAssessment(database.db, rosa, { stage: 6, note: "We tell everyone", date: "2026-01-05" });
    const p = (await getClientProgress(database.db, rosa))!;
    expect(p.self).toEqual({ stage: 6, date: "2026-01-05", note: "We tell everyone" });
    expect((await getClientProgress(database.db, sam))!.self).toBeNull();
    expect((await latestSelfAssessment(database.db, consultant, bakery))?.stage).toBe(6);
    const status = await listClientStatus(database.db, consultant, { today: "2026-01-06" });
    const row = status.find((s) => s.id === bakery)!;
    expect(row.selfStage).toBe(6);
    expect(row.flags).toContain("self-assessment-gap");
  });
});
