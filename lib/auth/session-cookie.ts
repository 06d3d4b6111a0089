import { getToken } from "next-auth/jwt";
import type { SessionClaims } from "../../db/queries/sessions";
import { authSecret } from "../env";

/**
 * Whether Auth.js names its session cookie `__Secure-authjs.session-token`: the rule of its own
 * session lookup (@auth/core createActionURL, then init's `url.protocol === "https:"`). AUTH_URL
 * decides when set; otherwise the request's X-Forwarded-Proto, and https when there is none.
 */
export function secureSessionCookie(forwardedProto: string | null, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (envUrl) return new URL(envUrl).protocol === "https:";
  return (forwardedProto ?? "https").replace(/:$/, "") === "https";
}

/**
 * The signed-in user's claims from the session cookie, or null. The same check as Auth.js's
 * `auth()` (its getToken: the cookie, in chunks if it was split, decrypted and verified with
 * AUTH_SECRET, the expiry checked), without what `auth()` adds for a page: a request to its own
 * session endpoint that also re-encrypts a refreshed cookie, which a page cannot set anyway. That
 * took 5 to 7 ms of every signed-in page. Only the cookie counts: no Authorization header.
 * Whether the session still holds is the database's answer (db/queries/sessions.ts sessionActor).
 */
export async function readSessionClaims(
  cookieHeader: string | null,
  forwardedProto: string | null,
  opts: { secret?: string; env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  let token: Awaited<ReturnType<typeof getToken>>;
  try {
    // getToken returns null for a cookie that does not decrypt or has expired.
    token = await getToken({ req: { headers: { cookie: cookieHeader } }, secret: opts.secret ?? authSecret(), secureCookie: secureSessionCookie(forwardedProto, opts.env) });
  } catch {
    // A malformed cookie header is no session either, as with auth().
    return null;
  }
  if (!token) return null;
  const { sub, sv, sid } = token;
  if (typeof sub !== "string" || typeof sv !== "number" || typeof sid !== "string") return null;
  return { userId: sub, sessionVersion: sv, sessionId: sid };
}
