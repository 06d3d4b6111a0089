import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../index";
import { users, userSessions } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../../lib/auth/password";
import { SESSION_TOUCH_MS, sessionState } from "../../lib/auth/session-policy";
import { UUID_RE } from "../../lib/validation/primitives";
import { writeAudit } from "./audit";
import { asIdentity, currentTransaction } from "../tenant";
import { actorOfIdentity, type IdentityRow } from "./identity";

// Signed-in sessions, one row each. The cookie (a signed JWT) carries the user id, the user's
// session version and the row id; all three must still match here for a request to count as
// signed in. So signing out, "sign out everywhere", a password change or reset, deactivation
// and a role change all end sessions at once, on pages and on the API.

/** Opens a session row at sign-in; its id goes into the cookie. */
export async function startSession(root: Db | Tx, user: { id: string; firmId: string }, now: Date = new Date()): Promise<string> {
  const [row] = await asIdentity(root, (db) => db.insert(userSessions).values({ userId: user.id, firmId: user.firmId, createdAt: now, lastSeenAt: now }).returning({ id: userSessions.id }));
  return row.id;
}

/** Ends one session (signing out). Unknown or already-ended ids are ignored. */
export async function endSession(root: Db | Tx, sessionId: string, now: Date = new Date()): Promise<void> {
  if (!UUID_RE.test(sessionId)) return;
  await asIdentity(root, (db) => db.update(userSessions).set({ endedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt))));
}

/** Ends a user's sessions, all of them or all but `keep`. Returns how many ended. */
export async function endSessionsOf(db: Db | Tx, userId: string, opts: { keep?: string; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const keep = opts.keep && UUID_RE.test(opts.keep) ? ne(userSessions.id, opts.keep) : undefined;
  const rows = await db
    .update(userSessions)
    .set({ endedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), keep))
    .returning({ id: userSessions.id });
  return rows.length;
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

/**
 * The actor behind a session cookie, or null when the user is gone or inactive, the version is
 * stale, or the session row has ended, sat idle too long, or reached its absolute limit.
 * Touches `last_seen_at` at most once a minute.
 */
export async function sessionActor(root: Db, claims: SessionClaims, now: Date = new Date()): Promise<Actor | null> {
  if (!UUID_RE.test(claims.userId) || !UUID_RE.test(claims.sessionId)) return null;
  // One statement (migration 0014): the lookup in identity mode, in the request's transaction if
  // one is open, else in one of its own.
  const db = currentTransaction() ?? root;
  const [row] = await queryRows<IdentityRow & { created_ms: number; last_seen_ms: number; ended: boolean; session_version: number }>(
    db,
    sql`select * from session_identity(${claims.sessionId}::uuid, ${claims.userId}::uuid)`,
  );
  if (!row || !row.active || Number(row.session_version) !== claims.sessionVersion) return null;
  const lastSeenAt = new Date(Number(row.last_seen_ms));
  if (sessionState({ createdAt: new Date(Number(row.created_ms)), lastSeenAt, endedAt: row.ended ? now : null }, now) !== "live") return null;
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await asIdentity(root, (tx) =>
      tx
        .update(userSessions)
        .set({ lastSeenAt: now })
        .where(and(eq(userSessions.id, claims.sessionId), lt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_TOUCH_MS)))),
    );
  }
  return actorOfIdentity(row);
}

/** How many other live sessions the actor has (for the settings page). */
export async function otherLiveSessions(db: Db, actor: Actor, currentSessionId: string | null, now: Date = new Date()): Promise<number> {
  if (!can(actor, "account.manage")) return 0;
  const rows = await db
    .select({ createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt, endedAt: userSessions.endedAt, id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)));
  return rows.filter((r) => r.id !== currentSessionId && sessionState(r, now) === "live").length;
}

/** "Sign out everywhere": the session version moves on, so every cookie of this user is dead, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor, now: Date = new Date()): Promise<number> {
  if (!can(actor, "account.manage")) return 0;
  return db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now }).where(eq(users.id, actor.id));
    const ended = await endSessionsOf(tx, actor.id, { now });
    await writeAudit(tx, actor, { action: "user.sign-out-everywhere", entityType: "user", entityId: actor.id, after: { endedSessions: ended } });
    return ended;
  });
}

export type PasswordChangeResult = { ok: true; endedSessions: number } | { ok: false; field: "current" | "password" | "confirm"; error: "wrong-current" | "password-short" | "password-mismatch" | "password-same" };

/** Changes the actor's own password after checking the current one; every other session of theirs ends, this one stays. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; password: string; confirm: string; sessionId: string },
  now: Date = new Date(),
): Promise<PasswordChangeResult | null> {
  if (!can(actor, "account.manage")) return null;
  if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, field: "password", error: "password-short" };
  if (input.password !== input.confirm) return { ok: false, field: "confirm", error: "password-mismatch" };
  const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!u || !(await verifyPassword(u.passwordHash, input.current))) return { ok: false, field: "current", error: "wrong-current" };
  if (input.current === input.password) return { ok: false, field: "password", error: "password-same" };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, actor.id));
    const endedSessions = await endSessionsOf(tx, actor.id, { keep: input.sessionId, now });
    await writeAudit(tx, actor, { action: "user.change-password", entityType: "user", entityId: actor.id, after: { endedSessions } });
    return { ok: true, endedSessions } as const;
  });
}
