import { getDatabase, ping } from "@/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const database = await getDatabase();
    await ping(database.db);
    return Response.json({ ok: true, db: database.kind });
  } catch (err) {
    return Response.json({ ok: false, error: `database unavailable: ${(err as Error).message}` }, { status: 503 });
  }
}
