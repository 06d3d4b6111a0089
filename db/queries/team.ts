import { randomBytes } from "node:crypto";
import { hashToken } from "../../lib/auth/token-hash";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import { assignments, clients, invitations, users, type User } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../../lib/auth/password";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";
import { revokeAllTokensOf } from "./tokens";

// Invitations, role changes and reassignments. Only the sha256 of an invitation token is
// stored; the token itself is returned once, for the manager to pass on.

export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

export { hashToken };

export type InviteInput = { name: string; email: string; role: "consultant" } | { name: string; email: string; role: "client"; clientId: string };
export type InviteResult =
  | { ok: true; userId: string; token: string; path: string; expiresAt: Date }
  | { ok: false; error: "email-taken" | "client-not-found" };

/** Creates an inactive user with a one-time invitation; null when the actor may not invite. */
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
      .values({ firmId: actor.firmId, email, name: input.name.trim(), role: input.role, clientId, active: false, passwordHash: null })
      .returning();
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
    await tx.insert(invitations).values({ userId: user.id, tokenHash: hashToken(token), createdBy: actor.id, expiresAt, createdAt: now });
    await writeAudit(tx, actor, { action: "user.invite", entityType: "user", entityId: user.id, clientId, after: { email, name: user.name, role: user.role, clientId } });
    return { ok: true, userId: user.id, token, path: `/invite/${token}`, expiresAt } as const;
  });
}

export type InvitationState = "valid" | "used" | "expired";

/** What the public invitation page may show: the invitee's name and email, and whether the link still works. */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<{ state: InvitationState; email: string; name: string } | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ usedAt: invitations.usedAt, expiresAt: invitations.expiresAt, email: users.email, name: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const state: InvitationState = row.usedAt ? "used" : row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
  return { state, email: row.email, name: row.name };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; error: "invalid" | "used" | "expired" | "password-short" | "password-mismatch" };

/** The invitee sets a password: the account becomes active and the link is spent, in one transaction. */
export async function acceptInvitation(db: Db, token: string, password: string, confirm: string, now = new Date()): Promise<AcceptResult> {
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: "password-short" };
  if (password !== confirm) return { ok: false, error: "password-mismatch" };
  if (!token || token.length > 200) return { ok: false, error: "invalid" };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update").limit(1);
    if (!inv) return { ok: false, error: "invalid" } as const;
    if (inv.usedAt) return { ok: false, error: "used" } as const;
    if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, error: "expired" } as const;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, active: true, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, inv.userId))
      .returning();
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, inv.id));
    await writeAudit(tx, user, { action: "user.accept-invitation", entityType: "user", entityId: user.id, clientId: user.clientId, after: { active: true } });
    return { ok: true, email: user.email } as const;
  });
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

/** The firm's clients with their lead consultant, for the reassign and invite forms. */
export async function listAssignments(db: Db, actor: Actor): Promise<{ clientId: string; clientName: string; consultantId: string | null }[] | null> {
  if (!can(actor, "team.manage")) return null;
  return db
    .select({ clientId: clients.id, clientName: clients.name, consultantId: assignments.consultantId })
    .from(clients)
    .leftJoin(assignments, eq(assignments.clientId, clients.id))
    .where(and(clientScope(actor), eq(clients.archived, false)))
    .orderBy(asc(clients.name));
}
