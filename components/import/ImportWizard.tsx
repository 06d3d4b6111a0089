"use client";

import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass, errorTextClass, inputClass, linkClass, mutedClass } from "@/components/ui/primitives";
import { describeProblem } from "./problem-text";
import { postFile, readApiError, readJsonLines, type ApiErrorBody, type ErrorDetail, type ImportPreviewBody, type ImportResultBody } from "./transport";

// The names a preview or a finished import lists, at most: the counts above them cover the whole
// file, and a file of a whole firm (thousands of clients) drew thousands of list items.
const PREVIEW_NAMES_SHOWN = 200;
const CREATED_NAMES_SHOWN = 50;

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; purpose: "preview" | "run"; loaded: number; total: number }
  | { kind: "checking" }
  | { kind: "writing"; done: number; total: number }
  | { kind: "preview"; preview: ImportPreviewBody }
  | { kind: "invalid"; errors: ErrorDetail[]; errorCount: number }
  | { kind: "done"; result: ImportResultBody }
  | { kind: "failed"; failure: Failure };

type Failure = "noFile" | "incomplete" | "failed" | "network" | "signedOut" | "crossOrigin" | "notAllowed" | "rateLimited" | "tooLarge";

// The API's error codes (lib/api/errors.ts) to what the page says (importer.failures).
const FAILURES: Record<string, Failure> = {
  bad_request: "incomplete",
  unsupported_media_type: "incomplete",
  unauthorized: "signedOut",
  cross_origin: "crossOrigin",
  not_found: "notAllowed",
  rate_limited: "rateLimited",
  payload_too_large: "tooLarge",
};

/** A failed answer in the one error shape: a 422 lists the file's problems, anything else is one message. */
function failure(status: number, error: ApiErrorBody["error"] | null): Phase {
  if (status === 422 && error) return { kind: "invalid", errors: error.details, errorCount: error.totalDetails ?? error.details.length };
  return { kind: "failed", failure: FAILURES[error?.code ?? ""] ?? "failed" };
}

export function ImportWizard({ consultants }: { consultants: { id: string; name: string; email: string }[] | null }) {
  const t = useTranslations("importer");
  const format = useFormatter();
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
      setPhase({ kind: "failed", failure: "noFile" });
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
      setPhase({ kind: "failed", failure: "network" });
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
      final = { kind: "failed", failure: "network" };
    }
    setPhase(final ?? { kind: "failed", failure: "failed" });
  }

  /** "line 7, column rhythm: …", the problem worded in the user's language. */
  const describe = (d: ErrorDetail) => describeProblem(d, t, format);

  function reset() {
    setPhase({ kind: "idle" });
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={preview} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor={`${ids}-file`} className="block text-sm font-medium">{t("file")}</label>
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
        <button type="submit" className={buttonClass("primary")} disabled={busy}>{t("preview")}</button>
      </form>

      <div aria-live="polite" role="status" className="min-h-6">
        <Status phase={phase} />
      </div>

      {phase.kind === "failed" ? <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-100">{t(`failures.${phase.failure}`)}</p> : null}

      {phase.kind === "invalid" ? (
        <section aria-labelledby={`${ids}-errors`} className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <h2 id={`${ids}-errors`} className="font-semibold">
            {t("invalid.title", { count: phase.errorCount })}
          </h2>
          <p className="mt-1 text-sm">{t("invalid.hint")}</p>
          <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-sm break-words" aria-label={t("invalid.list")}>
            {phase.errors.map((e, i) => (
              <li key={i}>{describe(e)}</li>
            ))}
          </ul>
          {phase.errorCount > phase.errors.length ? <p className="mt-2 text-sm">{t("invalid.more", { count: phase.errorCount - phase.errors.length })}</p> : null}
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
        <section aria-labelledby={`${ids}-done`} className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          <h2 id={`${ids}-done`} className="font-semibold">{t("done.title")}</h2>
          <ul className="mt-1 text-sm">
            <li>{t("done.checkIns", { count: phase.result.createdCheckIns })}</li>
            <li>{t("done.clients", { count: phase.result.createdClients.length })}</li>
            <li>{t("done.duplicates", { count: phase.result.skippedDuplicates })}</li>
          </ul>
          {phase.result.createdClients.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={t("done.createdList")}>
              {phase.result.createdClients.slice(0, CREATED_NAMES_SHOWN).map((c) => (
                <li key={c.id}><RowLink href={`/clients/${c.id}`} className={linkClass}>{c.name}</RowLink></li>
              ))}
            </ul>
          ) : null}
          {phase.result.createdClients.length > CREATED_NAMES_SHOWN ? <p className="mt-1 text-sm">{t("done.more", { count: phase.result.createdClients.length - CREATED_NAMES_SHOWN })}</p> : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <IntentLink href="/clients" className={buttonClass("primary")}>{t("done.toClients")}</IntentLink>
            <button type="button" onClick={reset} className={buttonClass("secondary")}>{t("done.another")}</button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function Status({ phase }: { phase: Phase }) {
  const t = useTranslations("importer.status");
  if (phase.kind === "uploading") {
    const share = phase.total > 0 ? phase.loaded / phase.total : 0;
    return <Bar label={t("uploading", { share })} value={Math.round(100 * share)} />;
  }
  if (phase.kind === "checking") return <Bar label={t("checking")} value={null} />;
  if (phase.kind === "writing") {
    if (phase.total === 0) return <Bar label={t("starting")} value={null} />;
    const share = phase.done / phase.total;
    return <Bar label={t("importing", { share, done: phase.done, total: phase.total })} value={Math.round(100 * share)} />;
  }
  return null;
}

function Bar({ label, value }: { label: string; value: number | null }) {
  const t = useTranslations("importer.status");
  return (
    <div>
      <p className="text-sm text-slate-700 dark:text-slate-300">{label}</p>
      {/* No value = indeterminate: the server is working and has no count to report yet. */}
      <progress className="mt-1 h-2 w-full" max={100} value={value ?? undefined} aria-label={t("progress")} />
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
  const t = useTranslations("importer.previewPanel");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  // The list scrolls on its own when long: it is a region a keyboard can reach and scroll.
  const listClass = "mt-1 max-h-48 overflow-auto rounded text-sm break-words focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300";
  return (
    <section aria-labelledby="import-preview-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="import-preview-heading" className="font-semibold break-words">{t("title", { name: preview.fileName ?? t("theFile") })}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div><dt className={mutedClass}>{t("records")}</dt><dd className="text-lg font-semibold" data-testid="preview-records">{n(preview.records)}</dd></div>
        <div><dt className={mutedClass}>{t("clients")}</dt><dd className="text-lg font-semibold">{n(preview.clients)}</dd></div>
        <div><dt className={mutedClass}>{t("toCreate")}</dt><dd className="text-lg font-semibold" data-testid="preview-to-create">{n(preview.toCreate)}</dd></div>
        <div><dt className={mutedClass}>{t("duplicates")}</dt><dd className="text-lg font-semibold" data-testid="preview-duplicates">{n(preview.duplicates)}</dd></div>
      </dl>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div className="min-w-0">
          <h3 className="text-sm font-medium">{t("newClients", { count: preview.newClients.length })}</h3>
          {preview.newClients.length === 0 ? <p className={`text-sm ${mutedClass}`}>{t("none")}</p> : (
            <ul className={listClass} aria-label={t("newList")} tabIndex={0}>
              {preview.newClients.slice(0, PREVIEW_NAMES_SHOWN).map((c) => <li key={c.name}>{c.name} <span className={mutedClass}>{t("records1", { count: c.records })}</span></li>)}
            </ul>
          )}
          {preview.newClients.length > PREVIEW_NAMES_SHOWN ? <p className={`text-sm ${mutedClass}`}>{t("more", { count: preview.newClients.length - PREVIEW_NAMES_SHOWN })}</p> : null}
        </div>
        <div className="min-w-0">
          <h3 className="text-sm font-medium">{t("matched", { count: preview.matchedClients.length })}</h3>
          {preview.matchedClients.length === 0 ? <p className={`text-sm ${mutedClass}`}>{t("none")}</p> : (
            <ul className={listClass} aria-label={t("matchedList")} tabIndex={0}>
              {preview.matchedClients.slice(0, PREVIEW_NAMES_SHOWN).map((c) => (
                <li key={c.id ?? c.name}>
                  {c.storedName ?? c.name}
                  {c.archived ? <span className={mutedClass}> {t("archived")}</span> : null}
                  <span className={mutedClass}> {t("matchedCounts", { toCreate: c.toCreate, duplicates: c.duplicates })}</span>
                </li>
              ))}
            </ul>
          )}
          {preview.matchedClients.length > PREVIEW_NAMES_SHOWN ? <p className={`text-sm ${mutedClass}`}>{t("more", { count: preview.matchedClients.length - PREVIEW_NAMES_SHOWN })}</p> : null}
        </div>
      </div>
      {preview.needsConsultant && consultants ? (
        <div className="mt-3 max-w-md">
          <label htmlFor={selectId} className="block text-sm font-medium">{t("consultant")}</label>
          <select id={selectId} value={consultantId} onChange={(e) => onConsultant(e.target.value)} className={inputClass} aria-invalid={consultantError} aria-describedby={consultantError ? `${selectId}-error` : undefined}>
            <option value="">{t("chooseConsultant")}</option>
            {consultants.map((c) => <option key={c.id} value={c.id}>{t("consultantOption", { name: c.name, email: c.email })}</option>)}
          </select>
          {consultantError ? <p id={`${selectId}-error`} className={`mt-1 ${errorTextClass} text-sm`}>{t("consultantError")}</p> : null}
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={onConfirm} className={buttonClass("primary")} disabled={preview.toCreate === 0}>
          {preview.toCreate === 0 ? t("nothing") : t("run", { count: preview.toCreate })}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>{t("cancel")}</button>
      </div>
    </section>
  );
}
