import { hitRateLimit, pruneRateLimits, TOKEN_KEY_PREFIX, type RateLimitHit } from "../../db/queries/rate-limits";
import type { Db } from "../../db";
import { ApiError } from "./errors";
import type { RateLimitConfig } from "./context";

/**
 * The client's address. scripts/server.mjs sets X-Forwarded-For to the socket's address unless
 * TRUST_PROXY is set; then the last entry is the one our own proxy appended (earlier entries
 * are whatever the client wrote).
 */
export function clientIp(from: Request | Headers): string {
  const headers = from instanceof Headers ? from : from.headers;
  const fwd = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return fwd || "unknown";
}

/**
 * Counts the request (unless `counted` says it was counted already, by the token's lookup);
 * throws 429 with Retry-After once the window's allowance is used up.
 */
export async function enforceRateLimit(db: Db, key: string, limit: number, cfg: RateLimitConfig, now: Date, counted?: RateLimitHit): Promise<void> {
  const hit = counted ?? (await hitRateLimit(db, key, cfg.windowSeconds, now));
  // The first request of a window clears windows that ended long ago: cheap, and no timer needed.
  if (hit.count === 1 && Math.random() < 0.05) await pruneRateLimits(db, new Date(now.getTime() - 10 * cfg.windowSeconds * 1000));
  if (hit.count > limit) {
    const retry = Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000));
    throw new ApiError(429, "rate_limited", `Too many requests: at most ${limit} per ${cfg.windowSeconds} seconds. Retry after ${retry} s.`, [], {
      "Retry-After": String(retry),
    });
  }
}

/** The counter a caller's requests go to: its token's, or the signed-in user's. */
export function callerRateKey(caller: { tokenId: string | null; actor: { id: string } }): string {
  return caller.tokenId ? `${TOKEN_KEY_PREFIX}${caller.tokenId}` : `user:${caller.actor.id}`;
}
