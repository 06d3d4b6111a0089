import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { safeRedirect } from "@/lib/auth/safe-redirect";

// Auth.js answers a `callbackUrl` query parameter it cannot parse (`?callbackUrl=abc`) with a
// 500 before any callback runs. Anything that is not a path of this site or a URL of this
// origin is replaced by the home page here, as the sign-in form does.
async function withSafeCallback(req: NextRequest): Promise<NextRequest> {
  const url = new URL(req.url);
  const callback = url.searchParams.get("callbackUrl");
  if (callback === null) return req;
  const safe = safeRedirect(callback, url.origin);
  const fine = safe === callback || safe === `${url.origin}${callback}`;
  if (fine) return req;
  url.searchParams.set("callbackUrl", "/");
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.text();
  return new NextRequest(url, { method: req.method, headers: req.headers, body });
}

export async function GET(req: NextRequest) {
  return handlers.GET(await withSafeCallback(req));
}

export async function POST(req: NextRequest) {
  return handlers.POST(await withSafeCallback(req));
}
