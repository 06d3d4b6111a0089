import { lt, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../index";
import { rateLimits } from "../schema";

export interface RateLimitHit {
  count: number;
  /** When the current window ends. */
  resetAt: Date;
}

/** The fixed window of `windowSeconds` that contains `now`: its start, and when it ends. */
export function rateWindow(windowSeconds: number, now: Date): { start: Date; resetAt: Date } {
  const ms = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, resetAt: new Date(start.getTime() + ms) };
}

/** The counter of a token's requests. */
export const TOKEN_KEY_PREFIX = "token:";

/**
 * The upsert that counts one request for each row `rows` gives (key, window_start, 1), answering
 * each key's count so far. One place for it: a token's lookup counts the token's request in the
 * same statement (db/queries/tokens.ts), every other caller through hitRateLimit.
 */
export function countRequestsSql(rows: SQL): SQL {
  return sql`insert into ${rateLimits} (key, window_start, count) ${rows}
    on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
    returning count`;
}

/**
 * Counts one request against `key` in the fixed window containing `now`. The counter lives
 * in the database, so every app instance shares it; one upsert, no read-then-write race.
 */
export async function hitRateLimit(db: Db, key: string, windowSeconds: number, now: Date = new Date()): Promise<RateLimitHit> {
  const { start, resetAt } = rateWindow(windowSeconds, now);
  const [row] = await queryRows<{ count: number | string }>(db, countRequestsSql(sql`values (${key}, ${start.toISOString()}::timestamptz, 1)`));
  return { count: Number(row!.count), resetAt };
}

/** Drops windows that ended before `before`. */
export async function pruneRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
