"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { buttonClass, inputClass } from "@/components/ui/primitives";

type Field = "stage" | "reason" | "effectiveDate";
type ErrorKey = "stage" | "reasonRequired" | "reasonTooLong" | "dateInvalid" | "dateFuture" | "invalid";

/** The action answers with the schema's English messages (lib/validation/override.ts); the form says what to do, in the user's language. */
function errorKey(field: Field, message: string): ErrorKey {
  if (field === "stage") return "stage";
  if (field === "reason") return message.startsWith("required") ? "reasonRequired" : message.includes("at most") ? "reasonTooLong" : "invalid";
  return message.includes("future") ? "dateFuture" : "dateInvalid";
}

const STAGES = [1, 2, 3, 4, 5, 6] as const;
const helpClass = "mt-0.5 text-xs text-slate-600 dark:text-slate-300";
const labelClass = "block text-sm font-medium text-slate-800 dark:text-slate-100";

export function OverrideForm({
  clientId,
  today,
  hasActive,
  saveAction,
  reasonMax,
}: {
  clientId: string;
  today: string;
  hasActive: boolean;
  saveAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  reasonMax: number;
}) {
  const t = useTranslations("client.overrideForm");
  const tc = useTranslations("client");
  const [state, action, pending] = useActionState<ActionState, FormData>(saveAction, initialActionState());
  const formRef = useRef<HTMLFormElement>(null);
  const sent = state.values;
  const v = sent ? { stage: sent.stage ?? "", reason: sent.reason ?? "", internal: sent.internal === "on", effectiveDate: sent.effectiveDate ?? "" } : { stage: "", reason: "", internal: false, effectiveDate: today };
  const raw: Partial<Record<Field, string>> = state.fieldErrors;
  const e: Partial<Record<Field, string>> = {};
  for (const f of ["stage", "reason", "effectiveDate"] as const) if (raw[f]) e[f] = t(`errors.${errorKey(f, raw[f]!)}`, { max: reasonMax });
  useEffect(() => {
    if (state.n > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const desc = (f: Field, help: string) => [e[f] ? `ovr-${f}-error` : null, help].filter(Boolean).join(" ");
  const err = (f: Field) => (e[f] ? <p id={`ovr-${f}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">{e[f]}</p> : null);
  return (
    <form key={state.n} ref={formRef} action={action} noValidate className="space-y-3" aria-label={t("title")}>
      <input type="hidden" name="clientId" value={clientId} />
      <div>
        <label htmlFor="ovr-stage" className={labelClass}>{t("stage")}</label>
        <select id="ovr-stage" name="stage" defaultValue={v.stage} className={inputClass} aria-invalid={e.stage ? true : undefined} aria-describedby={desc("stage", "ovr-stage-help")}>
          <option value="">{t("choose")}</option>
          {STAGES.map((s) => <option key={s} value={s}>{tc("stageLabel", { stage: s, name: tc(`stages.${s}.name`) })}</option>)}
        </select>
        <p id="ovr-stage-help" className={helpClass}>{t("stageHelp")}</p>
        {err("stage")}
      </div>
      <div>
        <label htmlFor="ovr-reason" className={labelClass}>{t("reason")}</label>
        <textarea id="ovr-reason" name="reason" rows={3} maxLength={reasonMax} required defaultValue={v.reason} className={inputClass} aria-invalid={e.reason ? true : undefined} aria-describedby={desc("reason", "ovr-reason-help")} />
        <p id="ovr-reason-help" className={helpClass}>{t("reasonHelp", { max: reasonMax })}</p>
        {err("reason")}
      </div>
      <div>
        <label htmlFor="ovr-date" className={labelClass}>{t("effectiveDate")}</label>
        <input id="ovr-date" name="effectiveDate" type="date" max={today} defaultValue={v.effectiveDate} className={inputClass} aria-invalid={e.effectiveDate ? true : undefined} aria-describedby={desc("effectiveDate", "ovr-date-help")} />
        <p id="ovr-date-help" className={helpClass}>{t("effectiveHelp")}</p>
        {err("effectiveDate")}
      </div>
      <div>
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="internal" defaultChecked={v.internal} aria-describedby="ovr-internal-help" className="h-4 w-4" />
          {t("internal")}
        </label>
        <p id="ovr-internal-help" className={helpClass}>{t("internalHelp")}</p>
      </div>
      {hasActive ? <p className={helpClass}>{t("replaces")}</p> : null}
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>{pending ? t("saving") : t("save")}</button>
    </form>
  );
}
