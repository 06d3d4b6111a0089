/**
 * Where a `callbackUrl` may send someone after signing in or out: a path of this site or a URL
 * of this origin. Anything else (`abc`, another host, `//host`, `javascript:`) is the home page.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // not a URL at all
  }
  return baseUrl;
}
