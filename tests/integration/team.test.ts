import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { assignments, auditLog, checkIns, clients, firms, invitations, stageAssessments, users } from "@/db/schema";
import { acceptInvitation, findInvitation, hashToken, inviteUser, reassignClient, setUserRole } from "@/db/queries/team";
import { clientNamed } from "@/db/queries/clients";
import { actorForUser, listTeam, setUserActive } from "@/db/queries/users";
import { listAudit, AUDIT_PAGE_SIZE } from "@/db/queries/audit";
import { verifyPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/credentials";
import { actorFromUser, type Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { deriveStoredStatus, makeUser } from "./factory";

let database: Database;
let manager: Actor, ann: Actor, ben: Actor, clientUser: Actor, otherManager: Actor;
let acme: string, foreignClient: string;
const actorOf = (u: typeof users.$inferSelect): Actor => actorFromUser(u);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [firm] = await db.insert(firms).values({ name: "Team firm" }).returning();
  const [other] = await db.insert(firms).values({ name: "Other" }).returning();
  const mk = async (firmId: string, email: string, role: "manager" | "consultant" | "client", clientId: string | null = null) =>
    actorOf((await db.insert(users).values({ firmId, email, name: email.split("@")[0], role, clientId, passwordHash: "x" }).returning())[0]);
  manager = await mk(firm.id, "boss@team.test", "manager");
  ann = await mk(firm.id, "ann@team.test", "consultant");
  ben = await mk(firm.id, "ben@team.test", "consultant");
  otherManager = await mk(other.id, "boss@other.test", "manager");
  const [c] = await db.insert(clients).values({ firmId: firm.id, name: "Acme" }).returning();
  acme = c.id;
  await db.insert(assignments).values({ clientId: acme, consultantId: ann.id });
  const [k] = await db.insert(checkIns).values({ clientId: acme, authorId: ann.id, date: "2026-01-01", postsLast30d: 3, rhythm: "sporadic", replies: "none", results: "none" }).returning();
  await db.insert(stageAssessments).values({ checkInId: k.id, clientId: acme, date: "2026-01-01", seq: 0, stage: 2, confidence: 0.7, reasons: ["r"], missing: ["m"] });
  const [fc] = await db.insert(clients).values({ firmId: other.id, name: "Foreign" }).returning();
  foreignClient = fc.id;
  clientUser = await mk(firm.id, "acme@team.test", "client", acme);
  await deriveStoredStatus(db);
});
afterAll(async () => database?.close());

describe("invitations", () => {
  it("stores only the sha256 of the token; the user cannot sign in without a password until accepted", async () => {
    const res = await inviteUser(database.db, manager, { name: "New Person", email: "New@Team.test", role: "consultant" });
    expect(res?.ok).toBe(true);
    if (!res?.ok) return;
    expect(res.path).toBe(`/invite/${res.token}`);
    const [inv] = await database.db.select().from(invitations).where(eq(invitations.userId, res.userId));
    expect(inv.tokenHash).toBe(hashToken(res.token));
    expect(inv.tokenHash).not.toContain(res.token);
    expect(inv.expiresAt.getTime() - inv.createdAt.getTime()).toBe(7 * 86_400_000);
    const [u] = await database.db.select().from(users).where(eq(users.id, res.userId));
    // Active from the start, so accepting never switches anyone on; no password means no sign-in.
    expect(u).toMatchObject({ email: "new@team.test", active: true, passwordHash: null, role: "consultant" });
    expect(await checkCredentials(database.db, "new@team.test", "", "192.0.2.77")).toEqual({ ok: false, reason: "wrong" });
    expect((await listTeam(database.db, manager))!.find((m) => m.id === u.id)?.pending).toBe(true);
    expect(await findInvitation(database.db, res.token)).toMatchObject({ state: "valid", email: "new@team.test" });

    expect(await acceptInvitation(database.db, res.token, "short", "short")).toEqual({ ok: false, error: "password-short" });
    expect(await acceptInvitation(database.db, res.token, "long-enough-1", "long-enough-2")).toEqual({ ok: false, error: "password-mismatch" });
    expect((await database.db.select().from(users).where(eq(users.id, res.userId)))[0].passwordHash).toBeNull();

    expect(await acceptInvitation(database.db, res.token, "long-enough-1", "long-enough-1")).toEqual({ ok: true, email: "new@team.test", purpose: "invite" });
    const [after] = await database.db.select().from(users).where(eq(users.id, res.userId));
    expect(after.active).toBe(true);
    expect(await verifyPassword(after.passwordHash, "long-enough-1")).toBe(true);
    expect(await actorForUser(database.db, after.id, after.sessionVersion)).not.toBeNull();
    // Single use.
    expect(await acceptInvitation(database.db, res.token, "another-pass-1", "another-pass-1")).toEqual({ ok: false, error: "used" });
    expect((await findInvitation(database.db, res.token))?.state).toBe("used");
    expect(await verifyPassword((await database.db.select().from(users).where(eq(users.id, res.userId)))[0].passwordHash, "long-enough-1")).toBe(true);
  });

  it("expires after 7 days", async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const res = await inviteUser(database.db, manager, { name: "Late", email: "late@team.test", role: "consultant" }, eightDaysAgo);
    if (!res?.ok) throw new Error("invite failed");
    expect((await findInvitation(database.db, res.token))?.state).toBe("expired");
    expect(await acceptInvitation(database.db, res.token, "long-enough-1", "long-enough-1")).toEqual({ ok: false, error: "expired" });
    const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000);
    const fresh = await inviteUser(database.db, manager, { name: "Nearly", email: "nearly@team.test", role: "consultant" }, sixDaysAgo);
    if (!fresh?.ok) throw new Error("invite failed");
    expect((await acceptInvitation(database.db, fresh.token, "long-enough-1", "long-enough-1")).ok).toBe(true);
  });

  it("refuses unknown tokens, taken emails and clients of another firm", async () => {
    expect(await findInvitation(database.db, "nope")).toBeNull();
    expect(await acceptInvitation(database.db, "nope", "long-enough-1", "long-enough-1")).toEqual({ ok: false, error: "invalid" });
    expect(await inviteUser(database.db, manager, { name: "Dup", email: "ANN@team.test", role: "consultant" })).toEqual({ ok: false, error: "email-taken" });
    expect(await inviteUser(database.db, manager, { name: "X", email: "x@team.test", role: "client", clientId: foreignClient })).toEqual({ ok: false, error: "client-not-found" });
  });

  it("a client user is linked to the chosen client", async () => {
    const res = await inviteUser(database.db, manager, { name: "Acme Owner", email: "owner@acme.test", role: "client", clientId: acme });
    if (!res?.ok) throw new Error("invite failed");
    const [u] = await database.db.select().from(users).where(eq(users.id, res.userId));
    expect(u).toMatchObject({ role: "client", clientId: acme });
  });
});

describe("roles and reassignment", () => {
  it("manager <-> consultant, ending the user's sessions; client users keep their role", async () => {
    // A consultant of its own: the other tests here rely on ben staying a consultant.
    const dana = await makeUser(database.db, manager.firmId, "consultant");
    const before = (await database.db.select().from(users).where(eq(users.id, dana.id)))[0];
    expect(await setUserRole(database.db, manager, dana.id, "manager")).toEqual({ id: dana.id, role: "manager" });
    const after = (await database.db.select().from(users).where(eq(users.id, dana.id)))[0];
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await actorForUser(database.db, dana.id, before.sessionVersion)).toBeNull();
    expect(await setUserRole(database.db, manager, dana.id, "consultant")).toEqual({ id: dana.id, role: "consultant" });
    expect(await setUserRole(database.db, manager, clientUser.id, "consultant")).toBeNull();
    expect(await setUserRole(database.db, manager, manager.id, "consultant")).toBeNull();
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "user.role"), eq(auditLog.entityId, dana.id)));
    expect(audits).toHaveLength(2);
  });

  it("reassigns a client, audited, with the stage history untouched", async () => {
    const history = await database.db.select().from(stageAssessments).where(eq(stageAssessments.clientId, acme));
    expect(await reassignClient(database.db, manager, acme, ben.id)).toEqual({ clientId: acme, consultantId: ben.id });
    const [a] = await database.db.select().from(assignments).where(eq(assignments.clientId, acme));
    expect(a.consultantId).toBe(ben.id);
    expect(a.assignedBy).toBe(manager.id);
    expect(await database.db.select().from(stageAssessments).where(eq(stageAssessments.clientId, acme))).toEqual(history);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "client.reassign"));
    expect(audit).toMatchObject({ clientId: acme, actorId: manager.id, before: { consultantId: ann.id }, after: { consultantId: ben.id } });
    // Only to an active consultant of the same firm.
    expect(await reassignClient(database.db, manager, acme, clientUser.id)).toBeNull();
    expect(await reassignClient(database.db, manager, foreignClient, ann.id)).toBeNull();
    // The forms find a client by its name, whatever its case; another firm's is not found.
    expect(await clientNamed(database.db, manager, " aCME ")).toEqual({ id: acme, name: "Acme", consultantId: ben.id });
    expect(await clientNamed(database.db, manager, "Foreign")).toBeNull();
    expect(await clientNamed(database.db, manager, "")).toBeNull();
    // A consultant finds only the clients it leads (Acme is Ben's now); a client user only its own.
    expect(await clientNamed(database.db, ann, "Acme")).toBeNull();
    expect((await clientNamed(database.db, ben, "acme"))?.id).toBe(acme);
    expect((await clientNamed(database.db, clientUser, "Acme"))?.id).toBe(acme);
    // Archived clients only when asked for (the audit filter asks; reassigning and inviting do not).
    await database.db.update(clients).set({ archived: true, archivedOn: "2026-02-01" }).where(eq(clients.id, acme));
    try {
      expect(await clientNamed(database.db, manager, "Acme")).toBeNull();
      expect((await clientNamed(database.db, manager, "Acme", { withArchived: true }))?.id).toBe(acme);
    } finally {
      await database.db.update(clients).set({ archived: false, archivedOn: null }).where(eq(clients.id, acme));
    }
  });
});

describe("audit log", () => {
  it("newest first, filterable by client and by user, paginated", async () => {
    const all = (await listAudit(database.db, manager))!;
    expect(all.rows.length).toBeGreaterThan(5);
    const times = all.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    const forAcme = (await listAudit(database.db, manager, { clientId: acme }))!;
    expect(forAcme.rows.length).toBeGreaterThan(0);
    expect(forAcme.rows.every((r) => r.clientId === acme && r.clientName === "Acme")).toBe(true);
    const byBoss = (await listAudit(database.db, manager, { userId: manager.id }))!;
    expect(byBoss.rows.every((r) => r.actorId === manager.id)).toBe(true);
    expect(byBoss.rows.length).toBeLessThan(all.rows.length);
    const page2 = (await listAudit(database.db, manager, { page: 2 }))!;
    expect(page2.rows).toEqual([]);
    expect(all.hasMore).toBe(all.rows.length > AUDIT_PAGE_SIZE);
    expect((await listAudit(database.db, manager, { clientId: "bad" }))!.rows).toEqual([]);
  });
});

describe("authorization", () => {
  it("a consultant or a client user can do none of it", async () => {
    for (const a of [ann, clientUser]) {
      expect(await inviteUser(database.db, a, { name: "Y", email: `y-${a.role}@team.test`, role: "consultant" })).toBeNull();
      expect(await setUserRole(database.db, a, ben.id, "manager")).toBeNull();
      expect(await reassignClient(database.db, a, acme, ann.id)).toBeNull();
      expect(await setUserActive(database.db, a, ben.id, false)).toBeNull();
      expect(await listTeam(database.db, a)).toBeNull();
      expect(await listAudit(database.db, a)).toBeNull();
    }
  });

  it("a manager of another firm touches nothing here and sees none of its audit", async () => {
    expect(await setUserRole(database.db, otherManager, ben.id, "manager")).toBeNull();
    expect(await reassignClient(database.db, otherManager, acme, ann.id)).toBeNull();
    expect(await inviteUser(database.db, otherManager, { name: "Z", email: "z@team.test", role: "client", clientId: acme })).toEqual({ ok: false, error: "client-not-found" });
    expect((await listAudit(database.db, otherManager))!.rows).toEqual([]);
    expect((await listAudit(database.db, otherManager, { clientId: acme }))!.rows).toEqual([]);
    expect(await clientNamed(database.db, otherManager, "Acme")).toBeNull();
    expect((await clientNamed(database.db, otherManager, "foreign"))?.id).toBe(foreignClient);
    expect((await listTeam(database.db, otherManager))!.map((u) => u.email)).toEqual(["boss@other.test"]);
  });
});
