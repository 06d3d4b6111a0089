// Import and export in the interchange format: ONE handler each, behind the public API
// (/api/v1/import, /api/v1/export: token or session) and behind the app's own routes
// (/import/preview, /import/run, /export: session only). Same body limit, same parser, same
// all-or-nothing import, same export query, same error shape, whoever calls.
import { Readable } from "node:stream";
import { z } from "zod";
import { exportTarget, readExport } from "../../../db/queries/export";
import { canImport, importErrorAsFormatError, ImportForbiddenError, previewImport, runImport, type ImportPreview, type ImportResult } from "../../../db/queries/import";
import { readCsvStream, type CheckInRecord, type FormatError } from "../../checkin-format";
import { readJsonRecords } from "../../transfer/json-records";
import { fileParts, pullStream } from "../../transfer/export-stream";
import { log } from "../../log";
import { readUpload, type FileKind, type Upload } from "../body";
import { endpoint, formatErrorDetails, parseQuery, type HandlerContext } from "../endpoint";
import { ApiError, errorBody, json, MAX_LISTED_DETAILS, notFound } from "../errors";
import { exportQuery, importQuery } from "../schemas";
import { todayFor } from "../../time/zone";
import type { AsOf } from "../../checkin-format";

export const importParams = importQuery.extend({
  dryRun: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .meta({ description: "`1` or `true`: a preview. The file is read and checked and the answer says what the import would do; nothing is written." }),
});

const ERROR_DETAIL = z.object({ line: z.number().int().optional(), index: z.number().int().optional(), column: z.string().nullable(), message: z.string() });
const CLIENT_SUMMARY = z.object({
  name: z.string().meta({ description: "The name as the file writes it." }),
  id: z.string().nullable().meta({ description: "The matched client; null for a client the import would create." }),
  storedName: z.string().nullable(),
  archived: z.boolean(),
  records: z.number().int(),
  toCreate: z.number().int(),
  duplicates: z.number().int(),
});

/** What `?dryRun=1` (and the app's /import/preview) answers. */
export const importPreviewSchema = z
  .object({
    ok: z.boolean().meta({ description: "True when running the import would succeed." }),
    fileName: z.string().nullable().meta({ description: "The uploaded form's file name; null for a bare CSV or JSON body." }),
    format: z.enum(["csv", "json"]),
    records: z.number().int(),
    clients: z.number().int(),
    newClients: z.array(CLIENT_SUMMARY),
    matchedClients: z.array(CLIENT_SUMMARY),
    toCreate: z.number().int(),
    duplicates: z.number().int(),
    needsConsultant: z.boolean().meta({ description: "The file creates clients and a manager must pass `consultantId`." }),
    errors: z.array(ERROR_DETAIL).meta({ description: `Problems that would stop the import (at most ${MAX_LISTED_DETAILS}).` }),
    errorCount: z.number().int(),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreviewBody = z.infer<typeof importPreviewSchema>;

interface ImportMode {
  /** Forced by the route (the app's preview and run); else the `dryRun` query parameter decides. */
  dryRun?: boolean;
}

async function importCheckIns(req: Request, ctx: HandlerContext, mode: ImportMode): Promise<Response> {
  const { deps, caller, now } = ctx;
  const query = parseQuery(importParams, req);
  // Before a byte of the upload is read: a caller who may not import learns nothing more.
  if (!canImport(caller.actor)) throw notFound();
  // The file is parsed while it arrives; its records are used only once all of it is in and good.
  const today = todayFor(caller.actor, now);
  const upload = await readUpload(req, (kind, text) => parseFile(kind, text, today));
  const consultantId = query.consultantId ?? nonEmpty(upload.fields.consultantId);
  const dryRun = mode.dryRun ?? (query.dryRun === "1" || query.dryRun === "true");
  const parsed = upload.result;
  if (!parsed.ok) throw importFailed(parsed.errors);
  const { records, lines } = parsed;
  const opts = { consultantId, lines };

  if (dryRun) return json(previewBody(await guarded(() => previewImport(deps.db, caller.actor, records, opts)), upload, consultantId));
  // The stream writes after this handler has answered, so in a transaction of its own.
  if (wantsProgress(req)) return progressStream(records.length, (onProgress) => ctx.later((db) => runImport(db, caller.actor, records, { ...opts, onProgress })));
  const result = await guarded(() => runImport(deps.db, caller.actor, records, opts));
  if (!result.ok) throw importFailed(result.errors.map(importErrorAsFormatError));
  return json(resultBody(result));
}

type ParsedFile = { ok: true; records: CheckInRecord[]; lines?: number[] } | { ok: false; errors: FormatError[] };

/**
 * The file's text, as it streams in, into records; any bad line rejects the file (422) with every
 * problem by line (CSV) or index (JSON). The same readers, messages and lines as parseCsv and
 * parseJson on the whole text.
 */
async function parseFile(kind: FileKind, text: AsyncIterable<string>, now: AsOf): Promise<ParsedFile> {
  if (kind === "json") return readJsonRecords(text, now);
  const records: CheckInRecord[] = [];
  const lines: number[] = [];
  const errors = await readCsvStream(
    Readable.from(text),
    (r, line) => {
      records.push(r);
      lines.push(line);
    },
    now,
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records, lines };
}

function importFailed(errors: readonly FormatError[]): ApiError {
  return new ApiError(422, "validation_failed", `The file has ${errors.length} problem(s); nothing was imported.`, formatErrorDetails(errors));
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ImportForbiddenError) throw notFound();
    throw err;
  }
}

function previewBody(preview: ImportPreview, upload: Upload<unknown>, consultantId: string | undefined): ImportPreviewBody {
  // A manager may preview before choosing the lead consultant: `needsConsultant` says so, it is no error yet.
  const errors = preview.errors.filter((e) => !(e.code === "consultant-required" && !consultantId)).map(importErrorAsFormatError);
  const { errors: _raw, ...rest } = preview;
  return {
    ...rest,
    ok: errors.length === 0,
    fileName: upload.fileName,
    format: upload.kind,
    errors: formatErrorDetails(errors.slice(0, MAX_LISTED_DETAILS)),
    errorCount: errors.length,
  };
}

function resultBody(result: ImportResult) {
  return { createdClients: result.createdClients, createdCheckIns: result.createdCheckIns, skippedDuplicates: result.skippedDuplicates };
}

/** A caller that asks for `Accept: application/x-ndjson` (the app's import page) gets progress as it happens. */
function wantsProgress(req: Request): boolean {
  return (req.headers.get("accept") ?? "").toLowerCase().includes("application/x-ndjson");
}

/**
 * JSON lines: {"type":"phase"}, {"type":"progress","done","total"}, then {"type":"result", ...} or
 * {"type":"error","status", "error": {code, message, details}}: the one error shape, inside the stream.
 */
function progressStream(records: number, run: (onProgress: (done: number, total: number) => void) => Promise<ImportResult>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (msg: Record<string, unknown>) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(msg) + "\n"));
        } catch {
          open = false; // the browser went away: the import still finishes (or rolls back) on its own
        }
      };
      const sendError = (err: ApiError) => send({ type: "error", status: err.status, ...errorBody(err) });
      send({ type: "phase", phase: "write", records });
      let lastPct = -1;
      try {
        const result = await guarded(() =>
          run((done, total) => {
            const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
            if (pct === lastPct) return;
            lastPct = pct;
            send({ type: "progress", done, total });
          }),
        );
        if (result.ok) send({ type: "result", ok: true, ...resultBody(result) });
        else sendError(importFailed(result.errors.map(importErrorAsFormatError)));
      } catch (err) {
        if (err instanceof ApiError) sendError(err);
        else {
          console.error("[import] failed:", err);
          sendError(new ApiError(500, "internal", "The import failed and nothing was written. Try again later."));
        }
      } finally {
        if (open) {
          try {
            controller.close();
          } catch {
            /* cancelled meanwhile */
          }
        }
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-cache, no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/**
 * The file streams: rows come from a cursor in a transaction of their own (the response outlives
 * this handler's), a batch at a time, as fast as the caller reads. Whether the caller may export
 * is decided here first, so a client they cannot see is a 404 like any other.
 */
async function exportFile(req: Request, { deps, caller, now, later }: HandlerContext): Promise<Response> {
  const query = parseQuery(exportQuery, req);
  const target = await exportTarget(deps.db, caller.actor, query.client);
  if (!target) throw notFound();
  const base = query.client ? slug(target.clientName ?? "client") : "stageline-checkins";
  const name = `${base}-${todayFor(caller.actor, now)}.${query.format}`;
  const file = fileParts(query.format);
  const body = pullStream(
    async (write) => {
      await later((db) => readExport(db, caller.actor, { clientId: query.client }, (records) => write(file.part(records))));
      await write(file.end());
    },
    { onError: (err) => log.error({ err }, "export failed while streaming") },
  );
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "client";
}

/** POST /api/v1/import[?dryRun=1]: CSV, a JSON array, or a form with `file`; nothing is written unless every record is good. */
export const importEndpoint = endpoint("checkins.import", (req, ctx) => importCheckIns(req, ctx, {}));

/** GET /api/v1/export?format=csv|json[&client=id] */
export const exportEndpoint = endpoint("checkins.export", exportFile);

// The app's import page and export links: the same handlers, for the signed-in browser only
// (endpoint() refuses a token there and applies the one cross-site check to the cookie).
/** POST /import/preview: always a dry run. */
export const appImportPreviewEndpoint = endpoint("checkins.import", (req, ctx) => importCheckIns(req, ctx, { dryRun: true }), { sessionOnly: true });
/** POST /import/run: always writes (all or nothing). */
export const appImportRunEndpoint = endpoint("checkins.import", (req, ctx) => importCheckIns(req, ctx, { dryRun: false }), { sessionOnly: true });
/**
 * GET /export?format=csv|json[&client=id]: the app's export, which a page links to. A Next.js router request (`RSC: 1`: a prefetch, or a
 * client-side navigation) cannot use a file; answering it with the export would run the whole
 * export and throw it away, as the import page's prefetch once did on every view. It gets 204.
 */
function appExportFile(req: Request, ctx: HandlerContext): Promise<Response> {
  if (req.headers.get("rsc") === "1") return Promise.resolve(new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } }));
  return exportFile(req, ctx);
}
export const appExportEndpoint = endpoint("checkins.export", appExportFile, { sessionOnly: true });
