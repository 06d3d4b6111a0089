import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionClaims, secureSessionCookie } from "./session-cookie";

const SECRET = "a-test-secret-of-more-than-thirty-two-characters";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const claims = { sub: "11111111-1111-4111-8111-111111111111", sv: 3, sid: "22222222-2222-4222-8222-222222222222" };
const want = { userId: claims.sub, sessionVersion: 3, sessionId: claims.sid };
const noEnv = {};

/** A cookie as Auth.js writes it: encrypted with the secret, salted with the cookie's name. */
const mint = (name: string, token: Record<string, unknown> = claims, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token, secret: opts.secret ?? SECRET, salt: name, maxAge: opts.maxAge ?? 3600 });

const read = (cookie: string | null, proto: string | null = "http", env: { AUTH_URL?: string } = noEnv) => readSessionClaims(cookie, proto, { secret: SECRET, env });

describe("secureSessionCookie (Auth.js's rule for the cookie's name)", () => {
  it("follows AUTH_URL when it is set, whatever the request says", () => {
    expect(secureSessionCookie("http", { AUTH_URL: "https://stageline.example" })).toBe(true);
    expect(secureSessionCookie("https", { AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(secureSessionCookie(null, { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
  it("otherwise follows X-Forwarded-Proto, and takes https when there is none", () => {
    expect(secureSessionCookie("http", noEnv)).toBe(false);
    expect(secureSessionCookie("https", noEnv)).toBe(true);
    expect(secureSessionCookie("https:", noEnv)).toBe(true);
    expect(secureSessionCookie(null, noEnv)).toBe(true);
  });
});

describe("readSessionClaims", () => {
  it("reads the claims of a cookie Auth.js wrote, among other cookies", async () => {
    expect(await read(`theme=dark; ${PLAIN}=${await mint(PLAIN)}; x=1`)).toEqual(want);
  });

  it("reads the __Secure- cookie on https, and only that one", async () => {
    expect(await read(`${SECURE}=${await mint(SECURE)}`, "https")).toEqual(want);
    expect(await read(`${PLAIN}=${await mint(PLAIN)}`, "https")).toBeNull();
    expect(await read(`${SECURE}=${await mint(SECURE)}`, "http")).toBeNull();
    expect(await read(`${PLAIN}=${await mint(PLAIN)}`, "https", { AUTH_URL: "http://localhost:3000" })).toEqual(want);
  });

  it("puts a cookie split into chunks back together", async () => {
    const token = await mint(PLAIN);
    const cut = Math.floor(token.length / 2);
    expect(await read(`${PLAIN}.1=${token.slice(cut)}; ${PLAIN}.0=${token.slice(0, cut)}`)).toEqual(want);
  });

  it("refuses a cookie from another secret, another cookie name, an altered or an expired one", async () => {
    expect(await read(`${PLAIN}=${await mint(PLAIN, claims, { secret: "another-secret-of-more-than-thirty-two-chars" })}`)).toBeNull();
    // The name is the key's salt: a token made for another cookie does not decrypt under this one.
    expect(await read(`${PLAIN}=${await mint("next-auth.session-token")}`)).toBeNull();
    const token = await mint(PLAIN);
    const i = Math.floor(token.length / 2);
    const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    expect(await read(`${PLAIN}=${altered}`)).toBeNull();
    // Past the expiry and Auth.js's 15 s of clock tolerance.
    expect(await read(`${PLAIN}=${await mint(PLAIN, claims, { maxAge: -60 })}`)).toBeNull();
  });

  it("refuses no cookie, garbage, and a token without every claim the session needs", async () => {
    expect(await read(null)).toBeNull();
    expect(await read("")).toBeNull();
    expect(await read(`${PLAIN}=not-a-token`)).toBeNull();
    expect(await read(`${PLAIN}=${await mint(PLAIN, { sub: claims.sub, sv: 3 })}`)).toBeNull();
    expect(await read(`${PLAIN}=${await mint(PLAIN, { ...claims, sv: "3" })}`)).toBeNull();
  });
});
