// The one answer to "did this request come from our own pages?", for every request that a
// browser authenticates by cookie (the API's session callers and the app's upload and export
// routes). Tokens need no such check: another site cannot make a browser send one.
import { trustProxyFromEnv } from "./forwarding.mjs";

/** TRUST_PROXY=1|true|yes: a proxy of ours stands in front (the same switch scripts/server.mjs reads). */
export { trustProxyFromEnv as trustsProxy } from "./forwarding.mjs";

/**
 * The host the browser addressed: the Host header, or X-Forwarded-Host only when TRUST_PROXY says
 * our own proxy wrote it (otherwise any client could name the host its Origin should match).
 */
export function requestHost(req: Request): string | null {
  if (trustProxyFromEnv()) {
    const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.toLowerCase();
  }
  const host = req.headers.get("host")?.trim();
  if (host) return host.toLowerCase();
  try {
    return new URL(req.url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * False for a request another site made the browser send. Browsers send Sec-Fetch-Site on every
 * request and Origin on every cross-origin fetch and every POST/PATCH/DELETE; a client with
 * neither (curl with a cookie it was given) is no cross-site threat.
 */
export function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  if (origin.trim() === "null") return false; // sandboxed frames, data: URLs, some redirects
  try {
    const host = requestHost(req);
    return host !== null && new URL(origin).host.toLowerCase() === host;
  } catch {
    return false;
  }
}
