import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { asIdentity, currentTransaction } from "../tenant";
import { queryRows, type Db, type Tx } from "../index";
import { apiTokens } from "../schema";
import type { Actor } from "../../lib/auth/permissions";
import { hashToken } from "../../lib/auth/token-hash";
import { UUID_RE } from "./scope";
import { actorOfIdentity, type IdentityRow } from "./identity";
import { writeAudit } from "./audit";
import { countRequestsSql, rateWindow, TOKEN_KEY_PREFIX, type RateLimitHit } from "./rate-limits";

/** Recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = "stl_";
const TOKEN_RE = /^stl_[A-Za-z0-9_-]{43}$/;
/** `lastUsedAt` is as precise as this: a token used again sooner is not written again. */
export const LAST_USED_EVERY_MS = 60_000;

export { hashToken };

export interface TokenInfo {
  id: string;
  name: string;
  prefix: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const infoColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

/** Creates a token for the actor; the secret is in the result once and never stored. */
export async function createToken(
  db: Db,
  actor: Actor,
  input: { name: string; expiresInDays: number },
  now: Date = new Date(),
): Promise<{ token: string; info: TokenInfo }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt })
      .returning(infoColumns);
    await writeAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: { name: row.name, prefix: row.prefix, expiresAt } });
    return { token, info: row };
  });
}

/** How many revoked or expired tokens the list shows, newest first; every usable one is shown. */
export const INACTIVE_TOKENS_SHOWN = 20;

/**
 * The actor's own tokens, newest first: every usable one, and the newest revoked or expired ones
 * (so the owner sees what happened), with how many older ones are left out. A script that makes
 * a token per run would otherwise grow this page without end (800 tokens made it 1.2 MB).
 */
export async function listTokens(db: Db, actor: Actor, now: Date = new Date(), inactiveShown = INACTIVE_TOKENS_SHOWN): Promise<{ tokens: TokenInfo[]; olderInactive: number }> {
  const usable = sql`(${apiTokens.revokedAt} is null and (${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${now.toISOString()}::timestamptz))`;
  // Ranked in the database, so only the rows shown are read out of it.
  const ranked = db.$with("ranked").as(
    db
      .select({
        ...infoColumns,
        usable: sql<boolean>`${usable}`.as("usable"),
        rank: sql<number>`row_number() over (partition by ${usable} order by ${apiTokens.createdAt} desc)`.as("rank"),
        inactiveTotal: sql<number>`count(*) filter (where not ${usable}) over ()`.as("inactive_total"),
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, actor.id)),
  );
  const rows = await db
    .with(ranked)
    .select()
    .from(ranked)
    .where(or(sql`${ranked.usable}`, sql`${ranked.rank} <= ${inactiveShown}`))
    .orderBy(desc(ranked.createdAt));
  const tokens = rows.map(({ usable: _u, rank: _r, inactiveTotal: _t, ...info }) => info);
  return { tokens, olderInactive: Math.max(0, Number(rows[0]?.inactiveTotal ?? 0) - inactiveShown) };
}

/** Revokes one of the actor's own tokens; null when there is no such token of theirs. */
export async function revokeToken(db: Db, actor: Actor, tokenId: string, now: Date = new Date()): Promise<TokenInfo | null> {
  if (!UUID_RE.test(tokenId)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)))
      .returning(infoColumns);
    if (!row) return null;
    await writeAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: row.id, after: { revokedAt: row.revokedAt } });
    return row;
  });
}

/**
 * The actor a token acts as, or null when it is unknown, revoked, expired, or its owner is
 * deactivated. Checked against the database on every request, so revocation is immediate.
 * With `count`, the same statement also counts this request against the token's rate limit
 * (only for a token that is accepted) and `hit` says where the window stands: an API request's
 * lookup and its count are one round trip, not two.
 */
export async function actorForToken(
  root: Db,
  token: string,
  now: Date = new Date(),
  count?: { windowSeconds: number },
): Promise<{ actor: Actor; tokenId: string; hit: RateLimitHit | null } | null> {
  if (!TOKEN_RE.test(token)) return null;
  // One statement (migration 0014): the lookup in identity mode, in the request's transaction if
  // one is open, else in one of its own.
  const db = currentTransaction() ?? root;
  const window = count ? rateWindow(count.windowSeconds, now) : null;
  const lookup = sql`select * from token_identity(${hashToken(token)})`;
  // The conditions under which the token is accepted below, in SQL: a refused token counts
  // nothing (the caller counts its request against the address instead).
  const counted = window
    ? sql`with t as (${lookup}),
        hit as (${countRequestsSql(sql`select ${TOKEN_KEY_PREFIX} || t.token_id, ${window.start.toISOString()}::timestamptz, 1 from t
          where not t.revoked and t.active and (t.expires_ms is null or t.expires_ms > ${now.getTime()})`)})
        select t.*, (select count from hit) as rate_count from t`
    : lookup;
  const [row] = await queryRows<IdentityRow & { token_id: string; expires_ms: number | null; revoked: boolean; last_used_ms: number | null; rate_count?: number | string | null }>(db, counted);
  if (!row || row.revoked || !row.active) return null;
  if (row.expires_ms !== null && Number(row.expires_ms) <= now.getTime()) return null;
  // At most one write a minute per token: a busy integration should not turn every read into a
  // write. The guard is repeated in the UPDATE, so requests racing on several instances past the
  // minute write once: the others find the row already fresh and change nothing.
  if (row.last_used_ms === null || now.getTime() - Number(row.last_used_ms) > LAST_USED_EVERY_MS) {
    await asIdentity(root, (tx) =>
      tx
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.id, row.token_id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_EVERY_MS))))),
    );
  }
  const hit = window && row.rate_count != null ? { count: Number(row.rate_count), resetAt: window.resetAt } : null;
  return { tokenId: row.token_id, actor: actorOfIdentity(row), hit };
}

/**
 * Revokes every live token of a user, for good: on deactivation and on a role change, inside that
 * change's transaction. Reactivating the user does not bring them back. Returns how many.
 */
export async function revokeAllTokensOf(tx: Db | Tx, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
