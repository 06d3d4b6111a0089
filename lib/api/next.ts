// The one bridge from Next.js route handlers to endpoints: the app's database and the
// session cookie. Route files under app/api/v1, and the app's import and export routes, are
// one line each.
import { getDb } from "../../db";
import { readChoice } from "../../db/replica";
import { getActor } from "../auth/actor";
import { internalErrorResponse } from "./errors";
import type { Endpoint, Params } from "./endpoint";

type RouteContext = { params: Promise<Params> };

/**
 * `read: true` for read-only endpoints that may be seconds stale (the portfolio, exports): their
 * queries go to the read replica when one is configured (db/replica.ts), and the answer's
 * `X-Data-As-Of` header says how fresh it is at least.
 */
export function route(ep: Endpoint, opts: { read?: boolean } = {}) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const db = await getDb();
      const read = opts.read ? await readChoice() : null;
      const res = await ep({ db, readDb: read?.db, sessionActor: getActor }, req, (await ctx?.params) ?? {});
      if (read && res.ok) res.headers.set("X-Data-As-Of", read.asOf.toISOString());
      return res;
    } catch (err) {
      return internalErrorResponse(err);
    }
  };
}
