// Browser side of the import: XMLHttpRequest, because fetch cannot report upload progress.

export interface ShownError {
  text: string;
  line?: number;
  index?: number;
  column: string | null;
}

export interface ClientSummary {
  name: string;
  id: string | null;
  storedName: string | null;
  archived: boolean;
  records: number;
  toCreate: number;
  duplicates: number;
}

export interface ImportPreviewBody {
  ok: boolean;
  fileName: string;
  format: "csv" | "json";
  records: number;
  clients: number;
  newClients: ClientSummary[];
  matchedClients: ClientSummary[];
  toCreate: number;
  duplicates: number;
  needsConsultant: boolean;
  errors: ShownError[];
  errorCount: number;
}

export interface ImportResultBody {
  type: "result";
  ok: boolean;
  createdClients: { id: string; name: string }[];
  createdCheckIns: number;
  skippedDuplicates: number;
  errors: ShownError[];
  errorCount: number;
}

export type RunMessage =
  | { type: "phase"; phase: string; records: number }
  | { type: "progress"; done: number; total: number }
  | ImportResultBody
  | { type: "error"; error: string };

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
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
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
