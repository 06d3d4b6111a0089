// Who is calling: a personal access token (Authorization: Bearer), or the browser session
// cookie for same-origin requests only. Both resolve to an Actor checked against the
// database on every request (deactivation, revocation and expiry apply at once).
import { actorForToken } from "../../db/queries/tokens";
import { isSameOrigin } from "../http/same-origin";
import { ApiError, unauthorized } from "./errors";
import type { ApiDeps, Caller } from "./context";

export type AuthResult = { ok: true; caller: Caller } | { ok: false; error: ApiError };

/**
 * With `count`, a token's request is counted against its rate limit in the lookup's own
 * statement, and the caller carries the count (`rateHit`); a session's is not counted here.
 */
export async function authenticate(deps: ApiDeps, req: Request, opts: { sessionOnly?: boolean } = {}, count?: { windowSeconds: number }): Promise<AuthResult> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    if (opts.sessionOnly) return { ok: false, error: unauthorized("This endpoint needs a signed-in browser session, not a token.") };
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) return { ok: false, error: unauthorized("Malformed Authorization header: expected Bearer <token>.") };
    const found = await actorForToken(deps.db, m[1]!, deps.now?.() ?? new Date(), count);
    if (!found) return { ok: false, error: unauthorized("The token is unknown, revoked or expired, or its owner is deactivated.") };
    return { ok: true, caller: { actor: found.actor, via: "token", tokenId: found.tokenId, rateHit: found.hit ?? undefined } };
  }
  const actor = await deps.sessionActor();
  if (!actor) return { ok: false, error: unauthorized() };
  if (!isSameOrigin(req)) {
    return { ok: false, error: new ApiError(401, "cross_origin", "A request from another site cannot use the session cookie: use a token.") };
  }
  return { ok: true, caller: { actor, via: "session", tokenId: null } };
}
