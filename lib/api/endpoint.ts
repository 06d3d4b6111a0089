// Every API handler runs inside endpoint(): authenticate, count the request against the
// caller's rate limit, run, and turn every failure into the one JSON error shape. Nothing
// here knows about Next.js, so tests call endpoints with their own database and Request.
import type { z } from "zod";
import type { FormatError } from "../checkin-format";
import { authenticate } from "./auth";
import { DEFAULT_LIMITS, type ApiDeps, type Caller } from "./context";
import { ApiError, errorResponse, internalErrorResponse, notFound, type ErrorDetail } from "./errors";
import { can, type Permission } from "../auth/permissions";
import { callerRateKey, clientIp, enforceRateLimit } from "./rate-limit";
import { unstorableText } from "../validation/primitives";
import { inFirm } from "../../db/tenant";
import type { Db } from "../../db";

export type Params = Record<string, string | string[] | undefined>;

export interface HandlerContext {
  deps: ApiDeps;
  caller: Caller;
  params: Params;
  now: Date;
  /** For work that goes on after the handler has answered (a streamed response): its own transaction for the caller's firm. */
  later<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export type Endpoint = (deps: ApiDeps, req: Request, params?: Params) => Promise<Response>;

type Handler = (req: Request, ctx: HandlerContext) => Promise<Response>;
interface EndpointOptions {
  sessionOnly?: boolean;
}

/**
 * `endpoint(permission, handler, opts?)`: the caller must hold the named permission
 * (lib/auth/permissions.ts); one who does not gets the same 404 as a missing resource.
 * `endpoint(handler, opts?)` is for handlers every authenticated caller may reach.
 */
export function endpoint(permission: Permission, handler: Handler, opts?: EndpointOptions): Endpoint;
export function endpoint(handler: Handler, opts?: EndpointOptions): Endpoint;
export function endpoint(a: Permission | Handler, b?: Handler | EndpointOptions, c?: EndpointOptions): Endpoint {
  const permission = typeof a === "string" ? a : null;
  const handler = (typeof a === "string" ? b : a) as Handler;
  const opts = (typeof a === "string" ? c : (b as EndpointOptions | undefined)) ?? {};
  return async (deps, req, params = {}) => {
    try {
      const now = deps.now?.() ?? new Date();
      const limits = deps.limits ?? DEFAULT_LIMITS;
      const auth = await authenticate(deps, req, opts, { windowSeconds: limits.windowSeconds });
      if (!auth.ok) {
        // Unauthenticated requests (and guessed tokens) count against the caller's address.
        await enforceRateLimit(deps.db, `ip:${clientIp(req)}`, limits.perIp, limits, now);
        throw auth.error;
      }
      const { caller } = auth;
      await enforceRateLimit(deps.db, callerRateKey(caller), limits.perToken, limits, now, caller.rateHit);
      if (permission && !can(caller.actor, permission)) throw notFound();
      // The handler runs in one transaction naming the caller's firm (row-level security), on
      // the read replica when the route reads there.
      const handlerDb = deps.readDb ?? deps.db;
      const later = <T>(fn: (db: Db) => Promise<T>) => inFirm(handlerDb, caller.actor.firmId, fn, { detached: true });
      return await inFirm(handlerDb, caller.actor.firmId, (db) => handler(req, { deps: { ...deps, db }, caller, params, now, later }));
    } catch (err) {
      return err instanceof ApiError ? errorResponse(err) : internalErrorResponse(err);
    }
  };
}

/** One string path parameter. */
export function param(ctx: HandlerContext, name: string): string {
  const v = ctx.params[name];
  return typeof v === "string" ? v : "";
}

function issueDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ column: i.path.length > 0 ? i.path.map(String).join(".") : null, message: i.message }));
}

/** Query parameters: a bad one is a malformed request (400), naming the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  const url = new URL(req.url);
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) raw[k] = v;
  const unstorable = unstorableStrings(raw);
  if (unstorable.length > 0) throw new ApiError(400, "bad_request", "Invalid query parameters.", unstorable);
  const r = schema.safeParse(raw);
  if (!r.success) throw new ApiError(400, "bad_request", "Invalid query parameters.", issueDetails(r.error));
  return r.data;
}

/** Every string (or key) in a parsed query or body that the database could not store, named by its path. */
function unstorableStrings(value: unknown, path: string[] = [], out: ErrorDetail[] = []): ErrorDetail[] {
  if (out.length >= 20) return out;
  if (typeof value === "string") {
    const problem = unstorableText(value);
    if (problem) out.push({ column: path.length > 0 ? path.join(".") : null, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableStrings(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const problem = unstorableText(k);
      if (problem) out.push({ column: [...path, k].join("."), message: `the field name ${problem}` });
      else unstorableStrings(v, [...path, k], out);
    }
  }
  return out;
}

/** A JSON body that does not satisfy the schema: 422, one detail per field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const unstorable = unstorableStrings(body);
  if (unstorable.length > 0) throw new ApiError(422, "validation_failed", "The request body is invalid.", unstorable);
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(422, "validation_failed", "The request body is invalid.", issueDetails(r.error));
  return r.data;
}

export function formatErrorDetails(errors: readonly FormatError[]): ErrorDetail[] {
  return errors.map((e) => ({ ...(e.line !== undefined ? { line: e.line } : {}), ...(e.index !== undefined ? { index: e.index } : {}), column: e.column, message: e.message }));
}

/** Opaque cursors: base64url of a small JSON value. A tampered one is a 400. */
export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v), "utf8").toString("base64url");
}
export function decodeCursor<T>(s: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (s === undefined || s === "") return undefined;
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown;
    if (check(v)) return v;
  } catch {
    /* falls through */
  }
  throw new ApiError(400, "bad_request", "Invalid cursor: pass the nextCursor of the previous page unchanged.", [{ column: "cursor", message: "invalid cursor" }]);
}
