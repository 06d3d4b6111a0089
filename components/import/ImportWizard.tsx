"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { describeError, postFile, readApiError, readJsonLines, type ApiErrorBody, type ErrorDetail, type ImportPreviewBody, type ImportResultBody } from "./transport";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; purpose: "preview" | "run"; loaded: number; total: number }
  | { kind: "checking" }
  | { kind: "writing"; done: number; total: number }
  | { kind: "preview"; preview: ImportPreviewBody }
  | { kind: "invalid"; errors: ErrorDetail[]; errorCount: number }
  | { kind: "done"; result: ImportResultBody }
  | { kind: "failed"; message: string };

// Keyed by the API's error codes (lib/api/errors.ts), plus the browser's own failures.
const FAILURES: Record<string, string> = {
  "no-file": "Choose a CSV or JSON file first.",
  bad_request: "The upload did not arrive complete. Try again.",
  unsupported_media_type: "The upload did not arrive complete. Try again.",
  "import-failed": "The import failed and nothing was written. Try again; if it keeps failing, tell your manager.",
  network: "The connection failed. Nothing was imported. Try again.",
  unauthorized: "You are signed out. Sign in again.",
  cross_origin: "The upload was refused because it did not come from this site. Reload the page and try again.",
  not_found: "You can no longer import. Sign in again.",
  rate_limited: "Too many uploads in a short time. Wait a minute and try again.",
};

/** A failed answer in the one error shape: a 422 lists the file's problems, anything else is one message. */
function failure(status: number, error: ApiErrorBody["error"] | null): Phase {
  if (status === 422 && error) return { kind: "invalid", errors: error.details, errorCount: error.totalDetails ?? error.details.length };
  if (error?.code === "payload_too_large") return { kind: "failed", message: `${error.message} Split it into smaller files.` };
  return { kind: "failed", message: FAILURES[error?.code ?? ""] ?? FAILURES["import-failed"]! };
}

export function ImportWizard({ consultants }: { consultants: { id: string; name: string; email: string }[] | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [consultantId, setConsultantId] = useState("");
  const [consultantError, setConsultantError] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const busy = phase.kind === "uploading" || phase.kind === "checking" || phase.kind === "writing";

  function form(): FormData {
    const f = new FormData();
    f.set("file", file!);
    if (consultantId) f.set("consultantId", consultantId);
    return f;
  }

  async function preview(e: React.FormEvent) {
    e.preventDefault();
    if (!file) {
      setPhase({ kind: "failed", message: FAILURES["no-file"]! });
      fileInput.current?.focus();
      return;
    }
    setPhase({ kind: "uploading", purpose: "preview", loaded: 0, total: file.size });
    try {
      const res = await postFile("/import/preview", form(), (loaded, total) => setPhase({ kind: "uploading", purpose: "preview", loaded, total }), () => setPhase({ kind: "checking" }));
      if (res.status !== 200) {
        setPhase(failure(res.status, readApiError(res.text)));
        return;
      }
      const body = JSON.parse(res.text) as ImportPreviewBody;
      if (!body.ok) setPhase({ kind: "invalid", errors: body.errors, errorCount: body.errorCount });
      else setPhase({ kind: "preview", preview: body });
    } catch {
      setPhase({ kind: "failed", message: FAILURES.network! });
    }
  }

  async function run() {
    if (phase.kind !== "preview" || !file) return;
    if (phase.preview.needsConsultant && !consultantId) {
      setConsultantError(true);
      document.getElementById(`${ids}-consultant`)?.focus();
      return;
    }
    setConsultantError(false);
    setPhase({ kind: "uploading", purpose: "run", loaded: 0, total: file.size });
    let final: Phase | null = null;
    try {
      const res = await postFile(
        "/import/run",
        form(),
        (loaded, total) => setPhase({ kind: "uploading", purpose: "run", loaded, total }),
        () => setPhase({ kind: "writing", done: 0, total: 0 }),
        (partial) => {
          for (const msg of readJsonLines(partial)) {
            if (msg.type === "progress") setPhase({ kind: "writing", done: msg.done, total: msg.total });
          }
        },
        "application/x-ndjson",
      );
      if (res.status !== 200) final = failure(res.status, readApiError(res.text));
      else {
        for (const msg of readJsonLines(res.text, true)) {
          if (msg.type === "result") final = { kind: "done", result: msg };
          else if (msg.type === "error") final = failure(msg.status, msg.error);
        }
      }
    } catch {
      final = { kind: "failed", message: FAILURES.network! };
    }
    setPhase(final ?? { kind: "failed", message: FAILURES["import-failed"]! });
  }

  function reset() {
    setPhase({ kind: "idle" });
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={preview} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${ids}-file`} className="block text-sm font-medium">Check-in file (CSV or JSON)</label>
          <input
            ref={fileInput}
            id={`${ids}-file`}
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className={inputClass}
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPhase({ kind: "idle" });
            }}
          />
        </div>
        <button type="submit" className={buttonClass("primary")} disabled={busy}>Preview import</button>
      </form>

      <div aria-live="polite" role="status" className="min-h-6">
        <Status phase={phase} />
      </div>

      {phase.kind === "failed" ? <p className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">{phase.message}</p> : null}

      {phase.kind === "invalid" ? (
        <section aria-labelledby={`${ids}-errors`} className="rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id={`${ids}-errors`} className="font-semibold text-red-900">
            Nothing was imported: the file has {phase.errorCount} {phase.errorCount === 1 ? "problem" : "problems"}
          </h2>
          <p className="mt-1 text-sm text-red-900">Fix these lines in your spreadsheet and upload the file again.</p>
          <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-sm text-red-900" aria-label="Problems in the file">
            {phase.errors.map((e, i) => (
              <li key={i}>{describeError(e)}</li>
            ))}
          </ul>
          {phase.errorCount > phase.errors.length ? <p className="mt-2 text-sm">…and {phase.errorCount - phase.errors.length} more.</p> : null}
        </section>
      ) : null}

      {phase.kind === "preview" ? (
        <PreviewPanel
          preview={phase.preview}
          consultants={consultants}
          consultantId={consultantId}
          consultantError={consultantError}
          selectId={`${ids}-consultant`}
          onConsultant={(v) => {
            setConsultantId(v);
            setConsultantError(false);
          }}
          onConfirm={run}
          onCancel={reset}
        />
      ) : null}

      {phase.kind === "done" ? (
        <section aria-labelledby={`${ids}-done`} className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <h2 id={`${ids}-done`} className="font-semibold text-emerald-900">Import complete</h2>
          <ul className="mt-1 text-sm text-emerald-900">
            <li>{phase.result.createdCheckIns} check-ins added</li>
            <li>{phase.result.createdClients.length} new clients created</li>
            <li>{phase.result.skippedDuplicates} duplicates skipped</li>
          </ul>
          {phase.result.createdClients.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {phase.result.createdClients.slice(0, 50).map((c) => (
                <li key={c.id}><Link href={`/clients/${c.id}`} className="text-indigo-700 underline">{c.name}</Link></li>
              ))}
            </ul>
          ) : null}
          <div className="mt-3 flex gap-2">
            <Link href="/clients" className={buttonClass("primary")}>Go to clients</Link>
            <button type="button" onClick={reset} className={buttonClass("secondary")}>Import another file</button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function Status({ phase }: { phase: Phase }) {
  if (phase.kind === "uploading") {
    const pct = phase.total > 0 ? Math.round((100 * phase.loaded) / phase.total) : 0;
    return <Bar label={`Uploading the file: ${pct}%`} value={pct} />;
  }
  if (phase.kind === "checking") return <Bar label="Checking every line of the file…" value={null} />;
  if (phase.kind === "writing") {
    if (phase.total === 0) return <Bar label="Starting the import…" value={null} />;
    const pct = Math.round((100 * phase.done) / phase.total);
    return <Bar label={`Importing: ${pct}% (${phase.done.toLocaleString()} of ${phase.total.toLocaleString()} steps)`} value={pct} />;
  }
  return null;
}

function Bar({ label, value }: { label: string; value: number | null }) {
  return (
    <div>
      <p className="text-sm text-slate-700">{label}</p>
      {/* No value = indeterminate: the server is working and has no count to report yet. */}
      <progress className="mt-1 h-2 w-full" max={100} value={value ?? undefined} aria-label="Import progress" />
    </div>
  );
}

function PreviewPanel({
  preview,
  consultants,
  consultantId,
  consultantError,
  selectId,
  onConsultant,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreviewBody;
  consultants: { id: string; name: string; email: string }[] | null;
  consultantId: string;
  consultantError: boolean;
  selectId: string;
  onConsultant: (v: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <section aria-labelledby="import-preview-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="import-preview-heading" className="font-semibold">Preview of {preview.fileName ?? "the file"}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div><dt className="text-slate-600">Check-ins in the file</dt><dd className="text-lg font-semibold" data-testid="preview-records">{preview.records}</dd></div>
        <div><dt className="text-slate-600">Clients in the file</dt><dd className="text-lg font-semibold">{preview.clients}</dd></div>
        <div><dt className="text-slate-600">Check-ins to add</dt><dd className="text-lg font-semibold" data-testid="preview-to-create">{preview.toCreate}</dd></div>
        <div><dt className="text-slate-600">Duplicates to skip</dt><dd className="text-lg font-semibold" data-testid="preview-duplicates">{preview.duplicates}</dd></div>
      </dl>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="text-sm font-medium">New clients to create ({preview.newClients.length})</h3>
          {preview.newClients.length === 0 ? <p className="text-sm text-slate-500">None</p> : (
            <ul className="mt-1 max-h-48 overflow-auto text-sm" aria-label="New clients">
              {preview.newClients.map((c) => <li key={c.name}>{c.name} <span className="text-slate-500">({c.records} check-ins)</span></li>)}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-sm font-medium">Matched to existing clients ({preview.matchedClients.length})</h3>
          {preview.matchedClients.length === 0 ? <p className="text-sm text-slate-500">None</p> : (
            <ul className="mt-1 max-h-48 overflow-auto text-sm" aria-label="Matched clients">
              {preview.matchedClients.map((c) => (
                <li key={c.id ?? c.name}>
                  {c.storedName ?? c.name}
                  {c.archived ? <span className="text-slate-500"> (archived)</span> : null}
                  <span className="text-slate-500"> ({c.toCreate} to add{c.duplicates ? `, ${c.duplicates} duplicates` : ""})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {preview.needsConsultant && consultants ? (
        <div className="mt-3 max-w-md">
          <label htmlFor={selectId} className="block text-sm font-medium">Lead consultant for the new clients</label>
          <select id={selectId} value={consultantId} onChange={(e) => onConsultant(e.target.value)} className={inputClass} aria-invalid={consultantError} aria-describedby={consultantError ? `${selectId}-error` : undefined}>
            <option value="">Choose a consultant…</option>
            {consultants.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.email})</option>)}
          </select>
          {consultantError ? <p id={`${selectId}-error`} className="mt-1 text-sm text-red-700">Choose who leads the new clients.</p> : null}
        </div>
      ) : null}
      <div className="mt-4 flex gap-2">
        <button type="button" onClick={onConfirm} className={buttonClass("primary")} disabled={preview.toCreate === 0}>
          {preview.toCreate === 0 ? "Nothing new to import" : `Import ${preview.toCreate} check-ins`}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>Cancel</button>
      </div>
    </section>
  );
}
