"use client";

import { useActionState, useEffect, useRef } from "react";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { OVERRIDE_TEXT, stageName } from "./client-page-text";

export function OverrideForm({ clientId, today, hasActive, saveAction }: { clientId: string; today: string; hasActive: boolean; saveAction: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveAction, initialActionState());
  const formRef = useRef<HTMLFormElement>(null);
  const sent = state.values;
  const v = sent ? { stage: sent.stage ?? "", reason: sent.reason ?? "", internal: sent.internal === "on", effectiveDate: sent.effectiveDate ?? "" } : { stage: "", reason: "", internal: false, effectiveDate: today };
  const e: Partial<Record<"stage" | "reason" | "effectiveDate", string>> = state.fieldErrors;
  useEffect(() => {
    if (state.n > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const desc = (f: "stage" | "reason" | "effectiveDate", help: string) => [e[f] ? `ovr-${f}-error` : null, help].filter(Boolean).join(" ");
  const err = (f: "stage" | "reason" | "effectiveDate") =>
    e[f] ? <p id={`ovr-${f}-error`} className="mt-1 text-sm font-medium text-red-700">{e[f]}</p> : null;
  return (
    <form key={state.n} ref={formRef} action={action} noValidate className="space-y-3" aria-label={OVERRIDE_TEXT.title}>
      <input type="hidden" name="clientId" value={clientId} />
      <div>
        <label htmlFor="ovr-stage" className="block text-sm font-medium">{OVERRIDE_TEXT.stage}</label>
        <select id="ovr-stage" name="stage" defaultValue={v.stage} className={inputClass} aria-invalid={e.stage ? true : undefined} aria-describedby={desc("stage", "ovr-stage-help")}>
          <option value="">{OVERRIDE_TEXT.choose}</option>
          {[1, 2, 3, 4, 5, 6].map((s) => <option key={s} value={s}>{stageName(s)}</option>)}
        </select>
        <p id="ovr-stage-help" className="mt-0.5 text-xs text-slate-600">{OVERRIDE_TEXT.stageHelp}</p>
        {err("stage")}
      </div>
      <div>
        <label htmlFor="ovr-reason" className="block text-sm font-medium">{OVERRIDE_TEXT.reason}</label>
        <textarea id="ovr-reason" name="reason" rows={3} maxLength={2000} required defaultValue={v.reason} className={inputClass} aria-invalid={e.reason ? true : undefined} aria-describedby={desc("reason", "ovr-reason-help")} />
        <p id="ovr-reason-help" className="mt-0.5 text-xs text-slate-600">{OVERRIDE_TEXT.reasonHelp}</p>
        {err("reason")}
      </div>
      <div>
        <label htmlFor="ovr-date" className="block text-sm font-medium">{OVERRIDE_TEXT.effectiveDate}</label>
        <input id="ovr-date" name="effectiveDate" type="date" max={today} defaultValue={v.effectiveDate} className={inputClass} aria-invalid={e.effectiveDate ? true : undefined} aria-describedby={desc("effectiveDate", "ovr-date-help")} />
        <p id="ovr-date-help" className="mt-0.5 text-xs text-slate-600">{OVERRIDE_TEXT.effectiveHelp}</p>
        {err("effectiveDate")}
      </div>
      <div>
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="internal" defaultChecked={v.internal} aria-describedby="ovr-internal-help" className="h-4 w-4" />
          {OVERRIDE_TEXT.internal}
        </label>
        <p id="ovr-internal-help" className="mt-0.5 text-xs text-slate-600">{OVERRIDE_TEXT.internalHelp}</p>
      </div>
      {hasActive ? <p className="text-xs text-slate-600">{OVERRIDE_TEXT.replaces}</p> : null}
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>{pending ? OVERRIDE_TEXT.saving : OVERRIDE_TEXT.save}</button>
    </form>
  );
}
