import { getDb } from "@/db";
import { runImport } from "@/db/queries/import";
import { importingActor, readUpload, shownImportErrors } from "../upload";

// POST /import/run (multipart: file[, consultantId]): imports all-or-nothing. The answer is a stream of
// JSON lines, so the page can show real progress: {"type":"phase"}, {"type":"progress","done","total"}, then
// {"type":"result", ...} or {"type":"error"}. Validation failures before the import starts answer plain JSON.
export async function POST(request: Request): Promise<Response> {
  const actor = await importingActor(request);
  if (!actor) return Response.json({ error: "not-found" }, { status: 404 });
  const upload = await readUpload(request);
  if (!upload.ok) return Response.json(upload.body, { status: upload.status });
  const db = await getDb();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (msg: Record<string, unknown>) => controller.enqueue(encoder.encode(JSON.stringify(msg) + "\n"));
      send({ type: "phase", phase: "write", records: upload.records.length });
      let lastPct = -1;
      try {
        const result = await runImport(db, actor, upload.records, {
          lines: upload.lines,
          consultantId: upload.consultantId,
          onProgress: (done, total) => {
            const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
            if (pct !== lastPct) {
              lastPct = pct;
              send({ type: "progress", done, total });
            }
          },
        });
        const { errors, ...rest } = result;
        send({ type: "result", ...rest, ...shownImportErrors(errors) });
      } catch (err) {
        console.error("[import] failed:", err);
        send({ type: "error", error: "import-failed" });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
