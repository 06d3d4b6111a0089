import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS } from "./lib/csp";

// Runs before every page: a fresh nonce per request for the script CSP. Next reads the policy
// from the request headers and puts the nonce on its own scripts. Authorization is not decided
// here: every page, action and API handler checks it itself.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  // X-Forwarded-Proto is only the client's word when TRUST_PROXY is set (scripts/server.mjs).
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: the API answers JSON and static files carry no inline script.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
