import { getDb } from "@/db";
import { exportCheckIns } from "@/db/queries/export";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serializeCsv, serializeJson } from "@/lib/checkin-format";

// GET /export?format=csv|json[&client=ID]: the visible check-ins as a file in the interchange format.
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") {
    return Response.json({ error: "bad-format", message: 'format must be "csv" or "json"' }, { status: 400 });
  }
  const actor = await getActor();
  if (!actor || !can(actor, "clients.list")) return notFound();
  const clientId = url.searchParams.get("client") ?? undefined;
  const records = await exportCheckIns(await getDb(), actor, { clientId });
  if (!records) return notFound();
  const day = new Date().toISOString().slice(0, 10);
  const base = clientId && records.length > 0 ? slug(records[0]!.client) : clientId ? "client" : "check-ins";
  const filename = `${base}-${day}.${format}`;
  const body = format === "csv" ? serializeCsv(records) : serializeJson(records);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function notFound(): Response {
  return Response.json({ error: "not-found" }, { status: 404 });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "client";
}
