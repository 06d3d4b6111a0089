import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { invitations, users, userSessions } from "@/db/schema";
import { changePassword, endSession, otherLiveSessions, sessionActor, signOutEverywhere, startSession } from "@/db/queries/sessions";
import { acceptInvitation, findInvitation, inviteUser, issueLink, LINK_THROTTLE_ACCOUNT, revokeLinks } from "@/db/queries/team";
import { setUserActive, listTeam } from "@/db/queries/users";
import { clearFailures } from "@/db/queries/sign-in-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-policy";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { makeFirm, makeUser } from "./factory";

// Findings 4 (sign-out did not end the session) and 5 (invitations survived deactivation and
// could not be revoked or resent), and the enumeration half of finding 11 for invitations.
// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.

let database: Database;
let manager: Actor;
let otherManager: Actor;
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const firm = await makeFirm(database.db);
  const other = await makeFirm(database.db);
  manager = await makeUser(database.db, firm.id, "manager");
  otherManager = await makeUser(database.db, other.id, "manager");
});
afterAll(async () => database?.close());

async function signedIn(password = "the-old-password") {
  const u = await makeUser(database.db, manager.firmId, "consultant", { passwordHash: await hashPassword(password) });
  const sid = await startSession(database.db, u);
  return { u, sid, claims: { userId: u.id, sessionVersion: u.sessionVersion, sessionId: sid } };
}

describe("sessions", () => {
  it("signing out ends that session for good; another session of the same user goes on", async () => {
    const { u, claims } = await signedIn();
    const other = { ...claims, sessionId: await startSession(database.db, u) };
    expect(await sessionActor(database.db, claims)).toMatchObject({ id: u.id });
    await endSession(database.db, claims.sessionId);
    expect(await sessionActor(database.db, claims)).toBeNull();
    expect(await sessionActor(database.db, other)).toMatchObject({ id: u.id });
  });

  it("a session unused for 12 hours has ended; use within that keeps it going", async () => {
    const { u, claims } = await signedIn();
    const t0 = Date.now();
    const justBefore = new Date(t0 + SESSION_IDLE_MS - 60_000);
    expect(await sessionActor(database.db, claims, justBefore)).toMatchObject({ id: u.id });
    // That use moved last_seen_at on, so 12 hours from then it still holds at t0 + 23h.
    expect(await sessionActor(database.db, claims, new Date(justBefore.getTime() + SESSION_IDLE_MS - 60_000))).toMatchObject({ id: u.id });
    const { claims: idle } = await signedIn();
    expect(await sessionActor(database.db, idle, new Date(t0 + SESSION_IDLE_MS + 1000))).toBeNull();
  });

  it("ends 14 days after sign-in however busy it is", async () => {
    const { claims } = await signedIn();
    const created = (await database.db.select().from(userSessions).where(eq(userSessions.id, claims.sessionId)))[0].createdAt.getTime();
    await database.db.update(userSessions).set({ lastSeenAt: new Date(created + SESSION_ABSOLUTE_MS - HOUR) }).where(eq(userSessions.id, claims.sessionId));
    expect(await sessionActor(database.db, claims, new Date(created + SESSION_ABSOLUTE_MS - 1000))).not.toBeNull();
    expect(await sessionActor(database.db, claims, new Date(created + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });

  it("a cookie naming another user's session, or a made-up one, is nobody", async () => {
    const a = await signedIn();
    const b = await signedIn();
    expect(await sessionActor(database.db, { ...a.claims, sessionId: b.sid })).toBeNull();
    expect(await sessionActor(database.db, { ...a.claims, sessionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await sessionActor(database.db, { ...a.claims, sessionId: "not-a-uuid" })).toBeNull();
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const { u, claims } = await signedIn();
    const second = { ...claims, sessionId: await startSession(database.db, u) };
    const bystander = await signedIn();
    expect(await otherLiveSessions(database.db, u, claims.sessionId)).toBe(1);
    expect(await signOutEverywhere(database.db, u)).toBe(2);
    expect(await sessionActor(database.db, claims)).toBeNull();
    expect(await sessionActor(database.db, second)).toBeNull();
    // A new sign-in carries the new version.
    const version = (await database.db.select().from(users).where(eq(users.id, u.id)))[0].sessionVersion;
    expect(await sessionActor(database.db, { userId: u.id, sessionVersion: version, sessionId: await startSession(database.db, u) })).not.toBeNull();
    expect(await sessionActor(database.db, bystander.claims)).not.toBeNull();
  });

  it("a password change needs the current password and ends the other sessions, not this one", async () => {
    const { u, claims } = await signedIn("the-old-password");
    const phone = { ...claims, sessionId: await startSession(database.db, u) };
    const input = { current: "wrong-password", password: "a-new-password-1", confirm: "a-new-password-1", sessionId: claims.sessionId };
    expect(await changePassword(database.db, u, input)).toEqual({ ok: false, field: "current", error: "wrong-current" });
    expect(await changePassword(database.db, u, { ...input, current: "the-old-password", confirm: "different-one-1" })).toEqual({ ok: false, field: "confirm", error: "password-mismatch" });
    expect(await changePassword(database.db, u, { ...input, current: "the-old-password", password: "short", confirm: "short" })).toEqual({ ok: false, field: "password", error: "password-short" });
    expect(await sessionActor(database.db, phone)).not.toBeNull();
    expect(await changePassword(database.db, u, { ...input, current: "the-old-password" })).toEqual({ ok: true, endedSessions: 1 });
    expect(await sessionActor(database.db, phone)).toBeNull();
    expect(await sessionActor(database.db, claims)).not.toBeNull();
    const [row] = await database.db.select().from(users).where(eq(users.id, u.id));
    expect(await verifyPassword(row.passwordHash, "a-new-password-1")).toBe(true);
  });

  it("deactivation ends every session at once", async () => {
    const { u, claims } = await signedIn();
    await setUserActive(database.db, manager, u.id, false);
    const [row] = await database.db.select().from(userSessions).where(eq(userSessions.id, claims.sessionId));
    expect(row.endedAt).not.toBeNull();
    await setUserActive(database.db, manager, u.id, true);
    expect(await sessionActor(database.db, claims)).toBeNull();
  });
});

describe("invitation and reset links", () => {
  const ip = "198.51.100.20";
  const invite = async (email: string) => {
    const res = await inviteUser(database.db, manager, { name: "Invitee", email, role: "consultant" });
    if (!res?.ok) throw new Error("invite failed");
    return res;
  };

  it("a deactivated invitee cannot accept, and accepting never switches a user on", async () => {
    const res = await invite("deactivated-invitee@links.test");
    await setUserActive(database.db, manager, res.userId, false);
    expect((await findInvitation(database.db, res.token))?.state).toBe("revoked");
    expect(await acceptInvitation(database.db, res.token, "long-enough-1", "long-enough-1", ip)).toEqual({ ok: false, error: "revoked" });
    const [u] = await database.db.select().from(users).where(eq(users.id, res.userId));
    expect(u).toMatchObject({ active: false, passwordHash: null });
    // Reactivating does not revive the old link either; a deactivated user gets no new one.
    await setUserActive(database.db, manager, res.userId, false);
    expect(await issueLink(database.db, manager, res.userId)).toEqual({ ok: false, error: "inactive" });
    await setUserActive(database.db, manager, res.userId, true);
    expect(await acceptInvitation(database.db, res.token, "long-enough-1", "long-enough-1", ip)).toEqual({ ok: false, error: "revoked" });
    await clearFailures(database.db, LINK_THROTTLE_ACCOUNT, ip);
  });

  it("a manager can revoke a link and resend one; only the newest works", async () => {
    const first = await invite("resend@links.test");
    const second = await issueLink(database.db, manager, first.userId);
    expect(second).toMatchObject({ ok: true, purpose: "invite" });
    if (!second?.ok) return;
    expect((await findInvitation(database.db, first.token))?.state).toBe("revoked");
    expect((await listTeam(database.db, manager))!.find((m) => m.id === first.userId)?.openLinkExpiresAt).toBeInstanceOf(Date);
    expect(await revokeLinks(database.db, manager, first.userId)).toBe(1);
    expect((await listTeam(database.db, manager))!.find((m) => m.id === first.userId)?.openLinkExpiresAt).toBeNull();
    expect(await acceptInvitation(database.db, second.token, "long-enough-1", "long-enough-1", ip)).toEqual({ ok: false, error: "revoked" });
    const third = await issueLink(database.db, manager, first.userId);
    if (!third?.ok) throw new Error("no link");
    expect(await acceptInvitation(database.db, third.token, "long-enough-1", "long-enough-1", ip)).toMatchObject({ ok: true, purpose: "invite" });
    // Another firm's manager reaches none of it.
    expect(await issueLink(database.db, otherManager, first.userId)).toBeNull();
    expect(await revokeLinks(database.db, otherManager, first.userId)).toBeNull();
    await clearFailures(database.db, LINK_THROTTLE_ACCOUNT, ip);
  });

  it("a reset link made by a manager sets a new password and ends every session of the user", async () => {
    const { u, claims } = await signedIn("the-old-password");
    const link = await issueLink(database.db, manager, u.id);
    expect(link).toMatchObject({ ok: true, purpose: "reset" });
    if (!link?.ok) return;
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR);
    expect(await findInvitation(database.db, link.token)).toMatchObject({ state: "valid", purpose: "reset" });
    expect(await acceptInvitation(database.db, link.token, "brand-new-password", "brand-new-password", ip)).toMatchObject({ ok: true, purpose: "reset" });
    expect(await sessionActor(database.db, claims)).toBeNull();
    const [row] = await database.db.select().from(users).where(eq(users.id, u.id));
    expect(await verifyPassword(row.passwordHash, "brand-new-password")).toBe(true);
    expect(row.active).toBe(true);
  });

  it("ten wrong links from one address lock link acceptance there, even for a valid link", async () => {
    const lockedIp = "203.0.113.99";
    const good = await invite("throttled@links.test");
    for (let i = 0; i < 10; i++) {
      expect(await acceptInvitation(database.db, `made-up-${i}`, "long-enough-1", "long-enough-1", lockedIp)).toEqual({ ok: false, error: "invalid" });
    }
    const locked = await acceptInvitation(database.db, good.token, "long-enough-1", "long-enough-1", lockedIp);
    expect(locked).toMatchObject({ ok: false, error: "locked" });
    // Another address is not affected.
    expect(await acceptInvitation(database.db, good.token, "long-enough-1", "long-enough-1", "203.0.113.100")).toMatchObject({ ok: true });
    const rows = await database.db.select().from(invitations).where(eq(invitations.userId, good.userId));
    expect(rows.every((r) => r.usedAt !== null)).toBe(true);
  });

  it("gives one answer for an email in use, whichever firm holds it", async () => {
    const mine = await makeUser(database.db, manager.firmId, "consultant");
    const theirs = await makeUser(database.db, otherManager.firmId, "consultant");
    const ownFirm = await inviteUser(database.db, manager, { name: "X", email: mine.email.toUpperCase(), role: "consultant" });
    const otherFirm = await inviteUser(database.db, manager, { name: "X", email: theirs.email, role: "consultant" });
    expect(ownFirm).toEqual({ ok: false, error: "email-taken" });
    expect(otherFirm).toEqual(ownFirm);
  });
});
