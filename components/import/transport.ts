// Browser side of the import: XMLHttpRequest, because fetch cannot report upload progress.
// The server answers in the API's shapes (lib/api/handlers/transfer.ts, lib/api/errors.ts).
import { formatErrorMessage } from "@/lib/checkin-format/errors";
import type { ImportClientSummary } from "@/lib/transfer/types";

/** One problem, as the API's error details and the preview list them. */
export interface ErrorDetail {
  line?: number;
  index?: number;
  column: string | null;
  message: string;
}

/** The one error shape: {"error": {code, message, details, totalDetails?}}. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: ErrorDetail[]; totalDetails?: number };
}

export type ClientSummary = ImportClientSummary;

export interface ImportPreviewBody {
  ok: boolean;
  fileName: string | null;
  format: "csv" | "json";
  records: number;
  clients: number;
  newClients: ClientSummary[];
  matchedClients: ClientSummary[];
  toCreate: number;
  duplicates: number;
  needsConsultant: boolean;
  errors: ErrorDetail[];
  errorCount: number;
}

export interface ImportResultBody {
  type: "result";
  ok: true;
  createdClients: { id: string; name: string }[];
  createdCheckIns: number;
  skippedDuplicates: number;
}

export type RunMessage =
  | { type: "phase"; phase: string; records: number }
  | { type: "progress"; done: number; total: number }
  | ImportResultBody
  | ({ type: "error"; status: number } & ApiErrorBody);

/** "line 7, column rhythm: expected ...": the format module's own words. */
export function describeError(d: ErrorDetail): string {
  return formatErrorMessage(d);
}

/** The error body of a failed response, or null when the text is not one (a proxy's HTML page). */
export function readApiError(text: string): ApiErrorBody["error"] | null {
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    return body.error && typeof body.error.code === "string" ? { ...body.error, details: body.error.details ?? [] } : null;
  } catch {
    return null;
  }
}

/**
 * POSTs a form, reporting upload progress, the moment the upload is complete (the server is
 * working), and the response text as it streams in.
 */
export function postFile(
  url: string,
  body: FormData,
  onUpload: (loaded: number, total: number) => void,
  onUploaded: () => void,
  onPartial?: (text: string) => void,
  accept = "application/json",
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", accept);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(e.loaded, e.total);
    };
    xhr.upload.onload = () => onUploaded();
    xhr.onprogress = () => onPartial?.(xhr.responseText);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(body);
  });
}

/** The complete JSON lines of a (possibly partial) stream; with `all`, a last unterminated line too. */
export function readJsonLines(text: string, all = false): RunMessage[] {
  const lines = text.split("\n");
  if (!all) lines.pop();
  const out: RunMessage[] = [];
  for (const l of lines) {
    if (!l.trim()) continue;
    try {
      out.push(JSON.parse(l) as RunMessage);
    } catch {
      // a line cut off mid-way: the next progress event brings it whole
    }
  }
  return out;
}
