import { getDb } from "@/db";
import { previewImport } from "@/db/queries/import";
import { importingActor, readUpload, shownImportErrors } from "../upload";

// POST /import/preview (multipart: file[, consultantId]): what importing the file would do. Writes nothing.
export async function POST(request: Request): Promise<Response> {
  const actor = await importingActor(request);
  if (!actor) return Response.json({ error: "not-found" }, { status: 404 });
  const upload = await readUpload(request);
  if (!upload.ok) return Response.json(upload.body, { status: upload.status });
  const preview = await previewImport(await getDb(), actor, upload.records, { lines: upload.lines, consultantId: upload.consultantId });
  // A manager picks the lead consultant on the preview itself, so a missing choice is not an error yet.
  const errors = preview.errors.filter((e) => !(e.code === "consultant-required" && !upload.consultantId));
  const { errors: _raw, ...rest } = preview;
  return Response.json({ ...rest, ok: errors.length === 0, fileName: upload.fileName, format: upload.lines ? "csv" : "json", ...shownImportErrors(errors) });
}
