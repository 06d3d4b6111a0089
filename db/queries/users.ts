import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import { clients, firms, invitations, users, type User } from "../schema";
import { actorFromUser, can, type Actor } from "../../lib/auth/permissions";
import { writeAudit } from "./audit";
import { revokeAllTokensOf } from "./tokens";
import { revokeOpenLinks } from "./team";
import { endSessionsOf } from "./sessions";

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
  return row;
}

/** The actor for a user id at a session version, or null when the user is gone, inactive or the version is stale. Sessions also check their row: db/queries/sessions.ts. */
export async function actorForUser(db: Db, userId: string, sessionVersion: number): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  // With the firm's zone, as sessions and tokens build it: a user without a zone of their own
  // lives on the firm's "today", not UTC's.
  const [row] = await db.select({ u: users, firmTimeZone: firms.timeZone }).from(users).innerJoin(firms, eq(firms.id, users.firmId)).where(eq(users.id, userId)).limit(1);
  const u = row?.u;
  if (!u || !u.active || u.sessionVersion !== sessionVersion) return null;
  return actorFromUser(u, row.firmTimeZone);
}

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: User["role"];
  active: boolean;
  clientId: string | null;
  clientName: string | null;
  /** Invited and not yet accepted: no password set. */
  pending: boolean;
  /** When the user's open invitation or reset link expires, if one is open. */
  openLinkExpiresAt?: Date | null;
}

export async function listTeam(db: Db, actor: Actor): Promise<TeamMember[] | null> {
  if (!can(actor, "team.manage")) return null;
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      clientId: users.clientId,
      clientName: clients.name,
      pending: sql<boolean>`${users.passwordHash} is null`.mapWith(Boolean),
      openLinkExpiresAt: sql<Date | null>`(select max(${invitations.expiresAt}) from ${invitations} where ${invitations.userId} = ${users.id} and ${invitations.usedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > now())`.mapWith((v) => (v === null ? null : new Date(v as string))),
    })
    .from(users)
    .leftJoin(clients, eq(clients.id, users.clientId))
    .where(eq(users.firmId, actor.firmId))
    .orderBy(asc(users.role), asc(users.name));
}

/** Deactivates a user of the actor's firm; bumping the session version ends their sessions at once, and their API tokens are revoked. Null = not found for this actor. */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<TeamMember | null> {
  if (!can(actor, "team.manage") || userId === actor.id) return null;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.firmId, actor.firmId))).limit(1);
    if (!before) return null;
    const [after] = await tx
      .update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.firmId, actor.firmId)))
      .returning();
    // Deactivation ends API access for good: reactivating later does not revive the tokens.
    const revokedTokens = active ? 0 : await revokeAllTokensOf(tx, userId);
    // ...and voids any open invitation or reset link, so it cannot switch them back on.
    const revokedLinks = active ? 0 : await revokeOpenLinks(tx, userId);
    if (!active) await endSessionsOf(tx, userId);
    await writeAudit(tx, actor, {
      action: active ? "user.activate" : "user.deactivate",
      entityType: "user",
      entityId: userId,
      before: { active: before.active },
      after: { active: after.active, ...(revokedTokens ? { revokedTokens } : {}), ...(revokedLinks ? { revokedLinks } : {}) },
    });
    return { id: after.id, name: after.name, email: after.email, role: after.role, active: after.active, clientId: after.clientId, clientName: null, pending: after.passwordHash === null };
  });
}
