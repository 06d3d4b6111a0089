import { randomBytes } from "node:crypto";
import { hashToken } from "../../lib/auth/token-hash";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { assignments, clients, invitations, users, type User } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../../lib/auth/password";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";
import { revokeAllTokensOf } from "./tokens";
import { endSessionsOf } from "./sessions";
import { asIdentity, setFirm } from "../tenant";
import { adoptBrowserTimeZone } from "./preferences";
import { recordFailure, throttleStatus } from "./sign-in-throttle";

// Invitations, role changes and reassignments. Only the sha256 of an invitation token is
// stored; the token itself is returned once, for the manager to pass on.

export const INVITATION_DAYS = 7;
/** A password reset link is short-lived: it replaces a credential. */
export const RESET_HOURS = 24;
const DAY_MS = 86_400_000;

export { hashToken };

export type InviteInput = { name: string; email: string; role: "consultant" } | { name: string; email: string; role: "client"; clientId: string };
export type InviteResult =
  | { ok: true; userId: string; token: string; path: string; expiresAt: Date }
  | { ok: false; error: "email-taken" | "client-not-found" };

/**
 * Creates a user with a one-time invitation link; null when the actor may not invite. The user is
 * active from the start but cannot sign in before setting a password, so accepting the link never
 * switches anyone on. "email-taken" is one answer whichever firm holds the address.
 */
export async function inviteUser(db: Db, actor: Actor, input: InviteInput, now = new Date()): Promise<InviteResult | null> {
  if (!can(actor, "team.manage")) return null;
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (taken) return { ok: false, error: "email-taken" } as const;
    let clientId: string | null = null;
    if (input.role === "client") {
      if (!UUID_RE.test(input.clientId)) return { ok: false, error: "client-not-found" } as const;
      const [c] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, input.clientId), clientScope(actor))).limit(1);
      if (!c) return { ok: false, error: "client-not-found" } as const;
      clientId = c.id;
    }
    const [user] = await tx
      .insert(users)
      .values({ firmId: actor.firmId, email, name: input.name.trim(), role: input.role, clientId, active: true, passwordHash: null })
      .onConflictDoNothing()
      .returning();
    // Another request took the address between the check and the insert: the same answer.
    if (!user) return { ok: false, error: "email-taken" } as const;
    const link = await newLink(tx, actor, user.id, "invite", now);
    await writeAudit(tx, actor, { action: "user.invite", entityType: "user", entityId: user.id, clientId, after: { email, name: user.name, role: user.role, clientId } });
    return { ok: true, userId: user.id, ...link } as const;
  });
}

async function newLink(tx: Db | Tx, actor: Actor, userId: string, purpose: LinkPurpose, now: Date): Promise<{ token: string; path: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (purpose === "invite" ? INVITATION_DAYS * DAY_MS : RESET_HOURS * 3_600_000));
  await tx.insert(invitations).values({ userId, tokenHash: hashToken(token), createdBy: actor.id, expiresAt, createdAt: now, purpose });
  return { token, path: `/invite/${token}`, expiresAt };
}

/** Voids every open link of a user (revoked, replaced by a newer one, or the user deactivated). Returns how many. */
export async function revokeOpenLinks(tx: Db | Tx, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

export type LinkPurpose = "invite" | "reset";
export type IssueLinkResult = { ok: true; purpose: LinkPurpose; token: string; path: string; expiresAt: Date } | { ok: false; error: "inactive" };

/**
 * A fresh one-time link for a user of the manager's firm, voiding any earlier one: a new
 * invitation while the user has no password, a password reset link once they have one.
 * Deactivated users get none. Null = not found for this actor.
 */
export async function issueLink(db: Db, actor: Actor, userId: string, now = new Date()): Promise<IssueLinkResult | null> {
  if (!can(actor, "team.manage") || !UUID_RE.test(userId) || userId === actor.id) return null;
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.firmId, actor.firmId))).for("update").limit(1);
    if (!u) return null;
    if (!u.active) return { ok: false, error: "inactive" } as const;
    const purpose: LinkPurpose = u.passwordHash ? "reset" : "invite";
    const replaced = await revokeOpenLinks(tx, userId, now);
    const link = await newLink(tx, actor, userId, purpose, now);
    await writeAudit(tx, actor, {
      action: purpose === "invite" ? "user.invite-resend" : "user.reset-link",
      entityType: "user",
      entityId: userId,
      clientId: u.clientId,
      after: { expiresAt: link.expiresAt.toISOString(), replacedLinks: replaced },
    });
    return { ok: true, purpose, ...link } as const;
  });
}

/** Voids a user's open invitation or reset link. Null = not found for this actor; 0 = there was none. */
export async function revokeLinks(db: Db, actor: Actor, userId: string, now = new Date()): Promise<number | null> {
  if (!can(actor, "team.manage") || !UUID_RE.test(userId)) return null;
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id, clientId: users.clientId }).from(users).where(and(eq(users.id, userId), eq(users.firmId, actor.firmId))).limit(1);
    if (!u) return null;
    const revoked = await revokeOpenLinks(tx, userId, now);
    if (revoked > 0) await writeAudit(tx, actor, { action: "user.revoke-link", entityType: "user", entityId: userId, clientId: u.clientId, after: { revokedLinks: revoked } });
    return revoked;
  });
}

export type InvitationState = "valid" | "used" | "expired" | "revoked";

function linkState(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; active: boolean }, now: Date): InvitationState {
  if (row.usedAt) return "used";
  if (row.revokedAt || !row.active) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

/** What the public link page may show: the person's name and email, what the link is for, and whether it still works. */
export async function findInvitation(root: Db, token: string, now = new Date()): Promise<{ state: InvitationState; purpose: LinkPurpose; email: string; name: string } | null> {
  if (!token || token.length > 200) return null;
  const [row] = await asIdentity(root, (db) => db
    .select({ usedAt: invitations.usedAt, revokedAt: invitations.revokedAt, expiresAt: invitations.expiresAt, purpose: invitations.purpose, email: users.email, name: users.name, active: users.active })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1));
  if (!row) return null;
  return { state: linkState(row, now), purpose: row.purpose, email: row.email, name: row.name };
}

export type AcceptResult =
  | { ok: true; email: string; purpose: LinkPurpose }
  | { ok: false; error: "invalid" | "used" | "expired" | "revoked" | "password-short" | "password-mismatch" }
  | { ok: false; error: "locked"; until: Date };

/** Failed link attempts from one address are counted under this account name by the sign-in throttle. */
export const LINK_THROTTLE_ACCOUNT = "link:";

/**
 * The person behind a link sets a password and the link is spent, in one transaction. It never
 * switches a user on: a deactivated user's links are void. A reset also ends every session.
 * Wrong, spent or void links count as failures for the address, which the sign-in throttle locks out.
 */
export async function acceptInvitation(db: Db, token: string, password: string, confirm: string, ip = "unknown", now = new Date(), browserTimeZone?: string): Promise<AcceptResult> {
  const status = await throttleStatus(db, LINK_THROTTLE_ACCOUNT, ip, now);
  if (status.locked) return { ok: false, error: "locked", until: status.until };
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: "password-short" };
  if (password !== confirm) return { ok: false, error: "password-mismatch" };
  const passwordHash = await hashPassword(password);
  // An identity lookup: the link names the user before any firm is known.
  const res = await asIdentity(db, async (tx) => {
    if (!token || token.length > 200) return { ok: false, error: "invalid" } as const;
    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update").limit(1);
    if (!inv) return { ok: false, error: "invalid" } as const;
    const [u] = await tx.select({ active: users.active, firmId: users.firmId }).from(users).where(eq(users.id, inv.userId)).for("update").limit(1);
    const state = linkState({ ...inv, active: !!u?.active }, now);
    if (state !== "valid") return { ok: false, error: state } as const;
    const reset = inv.purpose === "reset";
    await setFirm(tx, u!.firmId); // the audit row below belongs to the user's firm
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, inv.userId), eq(users.active, true)))
      .returning();
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, inv.id));
    await adoptBrowserTimeZone(tx, user.id, browserTimeZone);
    const endedSessions = await endSessionsOf(tx, user.id, { now });
    await writeAudit(tx, user, {
      action: reset ? "user.reset-password" : "user.accept-invitation",
      entityType: "user",
      entityId: user.id,
      clientId: user.clientId,
      after: reset ? { endedSessions } : { passwordSet: true },
    });
    return { ok: true, email: user.email, purpose: inv.purpose } as const;
  });
  if (!res.ok) await recordFailure(db, LINK_THROTTLE_ACCOUNT, ip, now);
  return res;
}

/** Manager <-> consultant only; client users keep their role. Ends the user's sessions. Null = not found for this actor. */
export async function setUserRole(db: Db, actor: Actor, userId: string, role: "manager" | "consultant"): Promise<Pick<User, "id" | "role"> | null> {
  if (!can(actor, "team.manage") || !UUID_RE.test(userId) || userId === actor.id) return null;
  if (role !== "manager" && role !== "consultant") return null;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.firmId, actor.firmId))).for("update").limit(1);
    if (!before || before.role === "client") return null;
    if (before.role === role) return { id: before.id, role: before.role };
    const [after] = await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.firmId, actor.firmId)))
      .returning();
    // Tokens were issued for what the old role could do: a new role starts without any.
    const revokedTokens = await revokeAllTokensOf(tx, userId);
    await writeAudit(tx, actor, { action: "user.role", entityType: "user", entityId: userId, before: { role: before.role }, after: { role: after.role, ...(revokedTokens ? { revokedTokens } : {}) } });
    return { id: after.id, role: after.role };
  });
}

/** Moves a client to another consultant of the same firm. Stage history is untouched. Null = not allowed or not found. */
export async function reassignClient(db: Db, actor: Actor, clientId: string, consultantId: string): Promise<{ clientId: string; consultantId: string } | null> {
  if (!can(actor, "team.manage") || !UUID_RE.test(clientId) || !UUID_RE.test(consultantId)) return null;
  return db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), clientScope(actor))).for("update").limit(1);
    if (!client) return null;
    const [consultant] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, consultantId), eq(users.firmId, actor.firmId), eq(users.role, "consultant"), eq(users.active, true)))
      .limit(1);
    if (!consultant) return null;
    const [before] = await tx.select({ consultantId: assignments.consultantId }).from(assignments).where(eq(assignments.clientId, clientId)).limit(1);
    if (before?.consultantId === consultantId) return { clientId, consultantId };
    await tx
      .insert(assignments)
      .values({ clientId, consultantId, assignedBy: actor.id, assignedAt: new Date() })
      .onConflictDoUpdate({ target: assignments.clientId, set: { consultantId, assignedBy: actor.id, assignedAt: new Date() } });
    await writeAudit(tx, actor, { action: "client.reassign", entityType: "assignment", entityId: clientId, clientId, before: { consultantId: before?.consultantId ?? null }, after: { consultantId } });
    return { clientId, consultantId };
  });
}

