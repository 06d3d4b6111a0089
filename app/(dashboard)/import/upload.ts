import { Readable } from "node:stream";
import { getActor } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { formatErrorMessage, parseJson, streamCsvRecords, type CheckInRecord, type FormatError } from "@/lib/checkin-format";
import { importErrorAsFormatError, type ImportError } from "@/db/queries/import";

// Shared by the preview and run handlers: who may import, and the uploaded file read into records.

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** More errors than this are counted, not listed. */
export const MAX_LISTED_ERRORS = 500;

export interface ShownError {
  text: string; // formatErrorMessage's words: "line 7, column rhythm: expected ..."
  line?: number;
  index?: number;
  column: string | null;
}

export type Upload =
  | { ok: true; records: CheckInRecord[]; lines?: number[]; consultantId?: string; fileName: string }
  | { ok: false; status: number; body: Record<string, unknown> };

/** Null unless the actor may import and the request comes from this site's own pages. */
export async function importingActor(request: Request): Promise<Actor | null> {
  // Belt and braces beside SameSite cookies: refuse cross-site posts of the upload form.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && hostOf(origin) !== host) return null;
  const actor = await getActor();
  return actor && can(actor, "checkins.write") && can(actor, "clients.create") ? actor : null;
}

export function shownErrors(errors: FormatError[]): { errors: ShownError[]; errorCount: number } {
  return {
    errorCount: errors.length,
    errors: errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ text: formatErrorMessage(e), line: e.line, index: e.index, column: e.column })),
  };
}

export function shownImportErrors(errors: ImportError[]) {
  return shownErrors(errors.map(importErrorAsFormatError));
}

/** Reads the multipart upload (`file`, optional `consultantId`) and parses it; CSV or JSON by name, else by content. */
export async function readUpload(request: Request): Promise<Upload> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES) return { ok: false, status: 413, body: { error: "too-large", maxBytes: MAX_UPLOAD_BYTES } };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, status: 400, body: { error: "bad-upload" } };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, status: 400, body: { error: "no-file" } };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, status: 413, body: { error: "too-large", maxBytes: MAX_UPLOAD_BYTES } };
  const consultantRaw = form.get("consultantId");
  const consultantId = typeof consultantRaw === "string" && consultantRaw !== "" ? consultantRaw : undefined;
  const text = await file.text();
  const lower = file.name.toLowerCase();
  const isJson = lower.endsWith(".json") || (!lower.endsWith(".csv") && /^\s*[[{]/.test(text.slice(0, 100)));
  if (isJson) {
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, status: 422, body: { error: "invalid-file", format: "json", ...shownErrors(parsed.errors) } };
    return { ok: true, records: parsed.records, consultantId, fileName: file.name };
  }
  const records: CheckInRecord[] = [];
  const lines: number[] = [];
  const errors: FormatError[] = [];
  for await (const item of streamCsvRecords(Readable.from([text]))) {
    if (item.ok) {
      records.push(item.record);
      lines.push(item.line);
    } else errors.push(item.error);
  }
  if (errors.length > 0) return { ok: false, status: 422, body: { error: "invalid-file", format: "csv", ...shownErrors(errors) } };
  return { ok: true, records, lines, consultantId, fileName: file.name };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames) or garbage: never same-site
  }
}
