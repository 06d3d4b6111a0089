"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { FIELD_BY_COLUMN as F } from "@/lib/checkin-format/field-defs";
import { diffFields, valuesFromFormData, type CheckInFormAction, type CheckInFormField, type CheckInFormState, type CheckInFormValues } from "@/lib/validation/checkin-form";
import { FIELD_TEXT, FORM_TEXT, OPTION_TEXT } from "./fields";

type Props = {
  clientId: string;
  initial: CheckInFormValues;
  /** The previous check-in's values, to show what changed (null for a first check-in). */
  previous: CheckInFormValues | null;
  previousDate: string | null;
  cancelHref: string;
  today: string;
  /** The server action that saves it (create or update), passed in by the page. */
  action: CheckInFormAction;
} & ({ mode: "create"; idempotencyKey: string } | { mode: "edit"; checkInId: string; version: number; reloadHref: string });

const labelClass = "block text-sm font-medium text-slate-800";
const helpClass = "mt-0.5 text-xs text-slate-600";
const errorClass = "mt-1 text-sm font-medium text-red-700";

export function CheckInForm(props: Props) {
  const [state, formAction, pending] = useActionState<CheckInFormState, FormData>(props.action, { n: 0 });
  const values = state.values ?? props.initial;
  const [current, setCurrent] = useState<CheckInFormValues>(values);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // After a rejected save, move focus to the first field that needs attention.
  useEffect(() => {
    if (state.n === 0) return;
    setCurrent(state.values ?? props.initial);
    if (state.conflict) {
      summaryRef.current?.focus();
      return;
    }
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? summaryRef.current)?.focus();
  }, [state, props.initial]);

  const changes = props.previous ? diffFields(props.previous, current) : [];
  const changed = new Set<CheckInFormField>(changes.map((c) => c.field));
  const errors = state.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;

  const describedBy = (f: CheckInFormField) => [errors[f] ? `${f}-error` : null, `${f}-help`].filter(Boolean).join(" ");
  const help = (f: CheckInFormField) => (
    <>
      <p id={`${f}-help`} className={helpClass}>{FIELD_TEXT[f].help}</p>
      {errors[f] ? <p id={`${f}-error`} className={errorClass}>{errors[f]}</p> : null}
    </>
  );
  const label = (f: CheckInFormField) => (
    <label htmlFor={f} className={labelClass}>
      {FIELD_TEXT[f].label}
      {changed.has(f) ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">{FORM_TEXT.changedMark}</span> : null}
    </label>
  );

  /** What every single-value control of a field carries: its name, value, and error wiring. */
  const control = (f: CheckInFormField) => ({
    id: f,
    name: f,
    defaultValue: values[f] as string,
    "aria-invalid": errors[f] ? true : undefined,
    "aria-describedby": describedBy(f),
    className: inputClass,
  });

  const text = (f: CheckInFormField, type: "text" | "number" | "date" | "email", extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      {label(f)}
      <input type={type} {...control(f)} {...extra} />
      {help(f)}
    </div>
  );

  const select = (f: CheckInFormField, options: readonly string[], emptyLabel: string | null) => (
    <div>
      {label(f)}
      <select {...control(f)}>
        {emptyLabel !== null ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => <option key={o} value={o}>{OPTION_TEXT[f]?.[o] ?? o}</option>)}
      </select>
      {help(f)}
    </div>
  );

  const checkboxes = (f: "accounts" | "tools", options: readonly string[]) => (
    <fieldset aria-describedby={describedBy(f)} className="sm:col-span-2">
      <legend className={labelClass}>
        {FIELD_TEXT[f].label}
        {changed.has(f) ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">{FORM_TEXT.changedMark}</span> : null}
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o} className="inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={f} value={o} defaultChecked={values[f].includes(o)} aria-invalid={errors[f] ? true : undefined} className="h-4 w-4 focus:outline-2 focus:outline-indigo-600" />
            {OPTION_TEXT[f]?.[o] ?? o}
          </label>
        ))}
      </div>
      {help(f)}
    </fieldset>
  );

  const group = (title: string, children: React.ReactNode) => (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );

  return (
    <form
      key={state.n}
      ref={formRef}
      action={formAction}
      noValidate
      className="space-y-4"
      onChange={(e) => setCurrent(valuesFromFormData(new FormData(e.currentTarget)))}
    >
      <input type="hidden" name="clientId" value={props.clientId} />
      {props.mode === "create" ? <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} /> : null}
      {props.mode === "edit" ? (
        <>
          <input type="hidden" name="checkInId" value={props.checkInId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : null}

      <div ref={summaryRef} tabIndex={-1} className="focus:outline-none">
        {state.conflict && props.mode === "edit" ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">{FORM_TEXT.conflict}</p>
            <a href={props.reloadHref} className="mt-1 inline-block font-medium text-red-900 underline">{FORM_TEXT.conflictReload}</a>
          </div>
        ) : hasErrors ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">{FORM_TEXT.errorSummary}</p>
        ) : null}
      </div>

      {props.previous ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          {props.mode === "create" && props.previousDate ? `${FORM_TEXT.prefilledNote(props.previousDate)} ` : null}
          {changes.length > 0 ? `${props.mode === "edit" ? FORM_TEXT.changedInEdit : FORM_TEXT.changedSince} ${changes.map((c) => FIELD_TEXT[c.field].label).join(", ")}.` : props.mode === "edit" ? FORM_TEXT.unchangedInEdit : FORM_TEXT.unchangedSince}
        </p>
      ) : props.mode === "create" ? (
        <p className="text-sm text-slate-600">{FORM_TEXT.firstNote}</p>
      ) : null}

      {group(FORM_TEXT.groups.when, (
        <>
          {text("date", "date", { max: props.today, required: true })}
          {text("consultant", "email", { autoComplete: "off" })}
        </>
      ))}
      {group(FORM_TEXT.groups.presence, (
        <>
          {checkboxes("accounts", F.accounts.values)}
          {text("accounts_since", "date", { max: props.today })}
          {text("posts_last_30d", "number", { min: F.posts_last_30d.min, max: F.posts_last_30d.max, step: 1, inputMode: "numeric", required: true })}
          {select("rhythm", F.rhythm.values, FORM_TEXT.choose)}
          {text("automated_share", "number", { min: F.automated_share.min, max: F.automated_share.max, step: 0.05, inputMode: "decimal" })}
        </>
      ))}
      {group(FORM_TEXT.groups.audience, (
        <>
          {select("replies", F.replies.values, FORM_TEXT.choose)}
          {text("mention_response_hours", "number", { min: F.mention_response_hours.min, max: F.mention_response_hours.max, step: "any", inputMode: "decimal" })}
          {select("results", F.results.values, FORM_TEXT.choose)}
          {select("promotion", F.promotion.values, null)}
          {text("followers", "number", { min: F.followers.min, max: F.followers.max, step: 1, inputMode: "numeric" })}
          {select("attitude", F.attitude.values, FORM_TEXT.notRecorded)}
        </>
      ))}
      {group(FORM_TEXT.groups.growth, (
        <>
          {checkboxes("tools", F.tools.values)}
          {select("advocacy", F.advocacy.values, null)}
        </>
      ))}
      {group(FORM_TEXT.groups.notes, (
        <>
          <div className="sm:col-span-2">
            {label("notes")}
            <textarea
              id="notes"
              name="notes"
              rows={4}
              maxLength={F.notes.maxChars}
              defaultValue={values.notes}
              aria-invalid={errors.notes ? true : undefined}
              aria-describedby={describedBy("notes")}
              className={inputClass}
            />
            {help("notes")}
          </div>
          <div className="sm:col-span-2">
            <label className="inline-flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" name="notes_internal" defaultChecked={values.notes_internal} aria-describedby="notes_internal-help" className="h-4 w-4 focus:outline-2 focus:outline-indigo-600" />
              {FIELD_TEXT.notes_internal.label}
            </label>
            <p id="notes_internal-help" className={helpClass}>{FIELD_TEXT.notes_internal.help}</p>
          </div>
        </>
      ))}

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? FORM_TEXT.saving : props.mode === "create" ? FORM_TEXT.saveNew : FORM_TEXT.saveEdit}
        </button>
        <Link href={props.cancelHref} className={buttonClass("secondary")}>{FORM_TEXT.cancel}</Link>
      </div>
    </form>
  );
}
