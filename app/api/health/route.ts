import { getDatabase, ping } from "@/db";
import { healthResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  return healthResponse(async () => {
    const database = await getDatabase();
    await ping(database.db);
    return database.kind;
  }, process.env.DATABASE_URL ? "postgres" : "pglite");
}
