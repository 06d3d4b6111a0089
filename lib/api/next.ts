// The one bridge from Next.js route handlers to endpoints: the app's database and the
// session cookie. Route files under app/api/v1, and the app's import and export routes, are
// one line each.
import { getDb } from "../../db";
import { getActor } from "../auth/actor";
import { internalErrorResponse } from "./errors";
import type { Endpoint, Params } from "./endpoint";

type RouteContext = { params: Promise<Params> };

export function route(ep: Endpoint) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const db = await getDb();
      return await ep({ db, sessionActor: getActor }, req, (await ctx?.params) ?? {});
    } catch (err) {
      return internalErrorResponse(err);
    }
  };
}
