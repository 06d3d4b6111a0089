import type { DbKind } from "@/db";
import { log } from "./log";

// What /api/health tells anyone who asks: whether the database answers, and which kind it is.
// The database's own error text stays in the server log, never in the response.
export async function healthResponse(check: () => Promise<DbKind>, kind: DbKind): Promise<Response> {
  try {
    const db = await check();
    return Response.json({ ok: true, db }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    log.error({ err }, "health check: database unavailable");
    return Response.json({ ok: false, db: kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
