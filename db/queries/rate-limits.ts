import { lt, sql } from "drizzle-orm";
import { queryRows, type Db } from "../index";
import { rateLimits } from "../schema";

export interface RateLimitHit {
  count: number;
  /** When the current window ends. */
  resetAt: Date;
}

/**
 * Counts one request against `key` in the fixed window containing `now`. The counter lives
 * in the database, so every app instance shares it; one upsert, no read-then-write race.
 */
export async function hitRateLimit(db: Db, key: string, windowSeconds: number, now: Date = new Date()): Promise<RateLimitHit> {
  const ms = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  const [row] = await queryRows<{ count: number | string }>(
    db,
    sql`insert into ${rateLimits} (key, window_start, count) values (${key}, ${start.toISOString()}::timestamptz, 1)
        on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
        returning count`,
  );
  return { count: Number(row!.count), resetAt: new Date(start.getTime() + ms) };
}

/** Drops windows that ended before `before`. */
export async function pruneRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
