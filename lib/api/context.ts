import type { Db } from "../../db";
import type { Actor } from "../auth/permissions";
import type { RateLimitHit } from "../../db/queries/rate-limits";

export interface RateLimitConfig {
  windowSeconds: number;
  /** Requests per window for one token (or one signed-in user). */
  perToken: number;
  /** Requests per window for one IP address without valid credentials. */
  perIp: number;
}

export const DEFAULT_LIMITS: RateLimitConfig = { windowSeconds: 60, perToken: 600, perIp: 300 };

/** What a handler needs from the outside world; tests pass their own database and session. */
export interface ApiDeps {
  db: Db;
  /**
   * Where the handler's own queries read, for read-only endpoints that may lag the primary by
   * seconds (the portfolio, exports: route(ep, { read: true })); unset: `db`. Authentication and
   * the rate limit write, so they always use `db`.
   */
  readDb?: Db;
  /** The browser session's actor (from the cookie), or null. */
  sessionActor: () => Promise<Actor | null>;
  now?: () => Date;
  limits?: RateLimitConfig;
}

export interface Caller {
  actor: Actor;
  via: "token" | "session";
  tokenId: string | null;
  /** This request already counted against the token's rate limit, when authentication did that. */
  rateHit?: RateLimitHit;
}
