import type { Database } from "@/db";
import { findUserByEmail, actorForUser } from "@/db/queries/users";
import { createToken } from "@/db/queries/tokens";
import type { ApiDeps } from "@/lib/api/context";
import type { Endpoint, Params } from "@/lib/api/endpoint";
import type { Actor } from "@/lib/auth/permissions";

export const BASE = "http://stageline.test";
export const GENEROUS = { windowSeconds: 60, perToken: 1_000_000, perIp: 1_000_000 };

export async function actorOf(database: Database, email: string): Promise<Actor> {
  const u = await findUserByEmail(database.db, email);
  if (!u) throw new Error(`no user ${email}`);
  const a = await actorForUser(database.db, u.id, u.sessionVersion);
  if (!a) throw new Error(`no actor for ${email}`);
  return a;
}

export async function tokenFor(database: Database, email: string, opts: { expiresInDays?: number; now?: Date } = {}): Promise<string> {
  const actor = await actorOf(database, email);
  return (await createToken(database.db, actor, { name: `test ${email}`, expiresInDays: opts.expiresInDays ?? 30 }, opts.now)).token;
}

export interface CallOptions {
  method?: string;
  path: string;
  params?: Params;
  token?: string;
  /** Simulates the session cookie: the actor getActor() would return. */
  session?: Actor | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  deps?: Partial<ApiDeps>;
}

export function makeDeps(database: Database, opts: CallOptions): ApiDeps {
  return { db: database.db, sessionActor: async () => opts.session ?? null, limits: GENEROUS, ...opts.deps };
}

export async function call(database: Database, ep: Endpoint, opts: CallOptions): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = { "x-forwarded-for": "10.0.0.1", host: "stageline.test", ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(BASE + opts.path, { method: opts.method ?? "GET", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
  const res = await ep(makeDeps(database, opts), req, opts.params ?? {});
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** The API's one error shape, checked strictly. */
export function isErrorShape(body: any): boolean {
  if (!body || typeof body !== "object" || !body.error) return false;
  const e = body.error;
  return (
    typeof e.code === "string" &&
    typeof e.message === "string" &&
    Array.isArray(e.details) &&
    e.details.every((d: any) => typeof d.message === "string" && (d.column === null || typeof d.column === "string"))
  );
}

export const VALID_CHECKIN = {
  date: "2026-10-01",
  accounts: ["facebook", "blog"],
  posts_last_30d: 12,
  rhythm: "scheduled",
  replies: "consistent",
  results: "some",
  tools: ["scheduling"],
  notes: "via the API",
};
