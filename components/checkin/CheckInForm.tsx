"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { IntentLink } from "@/components/ui/IntentLink";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { CHECKIN_FIELDS, FIELD_BY_COLUMN as F } from "@/lib/checkin-format/field-defs";
import { formatDay } from "@/lib/i18n/format";
import { diffFields, valuesFromFormData, type CheckInFormAction, type CheckInFormField, type CheckInFormState, type CheckInFormValues } from "@/lib/validation/checkin-form";
import { errorKindOf, fieldMax } from "./fields";

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

const labelClass = "block text-sm font-medium text-slate-800 dark:text-slate-100";
const helpClass = "mt-0.5 text-xs text-slate-600 dark:text-slate-300";
const errorClass = "mt-1 text-sm font-medium text-red-700 dark:text-red-300";
const changedClass = "ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900 dark:bg-amber-950 dark:text-amber-100";
const checkClass = "h-4 w-4 focus:outline-2 focus:outline-indigo-600";

/** Where an error links to: the field, or a checkbox group's first box. */
const targetId = (f: CheckInFormField) => (f === "accounts" || f === "tools" ? `${f}-${F[f].values[0]}` : f);

/** Form order, for the error summary. */
const FORM_ORDER: readonly CheckInFormField[] = [...CHECKIN_FIELDS.map((d) => d.column), "notes_internal"];

type Loose = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

export function CheckInForm(props: Props) {
  const t = useTranslations("checkin");
  // Keys built from a field's column and an option or error kind, which the types can't follow.
  const tl = t as unknown as Loose;
  const format = useFormatter();
  const [state, formAction, pending] = useActionState<CheckInFormState, FormData>(props.action, { n: 0 });
  const values = state.values ?? props.initial;
  const [current, setCurrent] = useState<CheckInFormValues>(values);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // After a rejected save, move focus to the summary, which lists and links every problem.
  useEffect(() => {
    if (state.n === 0) return;
    setCurrent(state.values ?? props.initial);
    summaryRef.current?.focus();
  }, [state, props.initial]);

  const changes = props.previous ? diffFields(props.previous, current) : [];
  const changed = new Set<CheckInFormField>(changes.map((c) => c.field));
  const fieldLabel = (f: CheckInFormField) => tl(`fields.${f}.label`);
  /** What to do about a field's problem, in the user's language: the field's own message for the kind, else the generic one. */
  const errorText = (f: CheckInFormField, code: string): string => {
    const kind = errorKindOf(code);
    return tl.has(`errors.${f}.${kind}`) ? tl(`errors.${f}.${kind}`, { max: fieldMax(f) }) : tl(`errors.generic.${kind}`);
  };
  const errors: Partial<Record<CheckInFormField, string>> = {};
  for (const f of FORM_ORDER) {
    const code = state.errors?.[f];
    if (code) errors[f] = errorText(f, code);
  }
  const errorFields = FORM_ORDER.filter((f) => errors[f]);
  const hasErrors = errorFields.length > 0;

  const describedBy = (f: CheckInFormField) => [errors[f] ? `${f}-error` : null, `${f}-help`].filter(Boolean).join(" ");
  const help = (f: CheckInFormField) => (
    <>
      <p id={`${f}-help`} className={helpClass}>{tl(`fields.${f}.help`, { max: fieldMax(f) })}</p>
      {errors[f] ? <p id={`${f}-error`} className={errorClass}>{errors[f]}</p> : null}
    </>
  );
  const label = (f: CheckInFormField) => (
    <label htmlFor={f} className={labelClass}>
      {fieldLabel(f)}
      {changed.has(f) ? <span className={changedClass}>{t("form.changedMark")}</span> : null}
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

  /** A share entered as a percentage (0-100); the action converts it to the format's fraction. */
  const percent = (f: "automated_share") => (
    <div>
      {label(f)}
      <div className="flex items-center gap-2">
        <input type="number" {...control(f)} min={0} max={100} step="any" inputMode="decimal" className={`${inputClass} max-w-32`} />
        <span aria-hidden="true" className="mt-1 text-sm text-slate-700 dark:text-slate-200">{t("form.percent")}</span>
      </div>
      {help(f)}
    </div>
  );

  const select = (f: CheckInFormField, options: readonly string[], emptyLabel: string | null) => (
    <div>
      {label(f)}
      <select {...control(f)}>
        {emptyLabel !== null ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => <option key={o} value={o}>{tl(`options.${f}.${o}`)}</option>)}
      </select>
      {help(f)}
    </div>
  );

  const checkboxes = (f: "accounts" | "tools", options: readonly string[]) => (
    <fieldset aria-describedby={describedBy(f)} className="sm:col-span-2">
      <legend className={labelClass}>
        {fieldLabel(f)}
        {changed.has(f) ? <span className={changedClass}>{t("form.changedMark")}</span> : null}
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o} className="inline-flex items-center gap-1.5 text-sm">
            <input id={`${f}-${o}`} type="checkbox" name={f} value={o} defaultChecked={values[f].includes(o)} aria-invalid={errors[f] ? true : undefined} className={checkClass} />
            {tl(`options.${f}.${o}`)}
          </label>
        ))}
      </div>
      {help(f)}
    </fieldset>
  );

  const group = (title: string, children: React.ReactNode) => (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-700 dark:bg-slate-900">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">{children}</div>
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

      <div ref={summaryRef} tabIndex={-1} className="rounded focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600">
        {state.conflict && props.mode === "edit" ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100">
            <p className="font-medium">{t("form.conflict")}</p>
            <a href={props.reloadHref} className="mt-1 inline-block font-medium underline">{t("form.conflictReload")}</a>
          </div>
        ) : hasErrors ? (
          <div role="alert" aria-labelledby="error-summary-title" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100" data-testid="error-summary">
            <h2 id="error-summary-title" className="font-semibold">{t("form.errorSummary", { count: errorFields.length })}</h2>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {errorFields.map((f) => (
                <li key={f}>
                  <a href={`#${targetId(f)}`} className="underline">{fieldLabel(f)}: {errors[f]}</a>
                </li>
              ))}
            </ul>
            <p className="mt-1 text-xs">{t("form.errorSummaryHint")}</p>
          </div>
        ) : null}
      </div>

      {props.previous ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
          {props.mode === "create" && props.previousDate ? `${t("form.prefilledNote", { date: formatDay(format, props.previousDate) })} ` : null}
          {changes.length > 0
            ? t(props.mode === "edit" ? "form.changedInEdit" : "form.changedSince", { fields: changes.map((c) => fieldLabel(c.field)).join(", ") })
            : props.mode === "edit" ? t("form.unchangedInEdit") : t("form.unchangedSince")}
        </p>
      ) : props.mode === "create" ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("form.firstNote")}</p>
      ) : null}

      {group(t("form.groups.when"), (
        <>
          {text("date", "date", { max: props.today, required: true })}
          {text("consultant", "email", { autoComplete: "off" })}
        </>
      ))}
      {group(t("form.groups.presence"), (
        <>
          {checkboxes("accounts", F.accounts.values)}
          {text("accounts_since", "date", { max: props.today })}
          {text("posts_last_30d", "number", { min: F.posts_last_30d.min, max: F.posts_last_30d.max, step: 1, inputMode: "numeric", required: true })}
          {select("rhythm", F.rhythm.values, t("form.choose"))}
          {percent("automated_share")}
        </>
      ))}
      {group(t("form.groups.audience"), (
        <>
          {select("replies", F.replies.values, t("form.choose"))}
          {text("mention_response_hours", "number", { min: F.mention_response_hours.min, max: F.mention_response_hours.max, step: "any", inputMode: "decimal" })}
          {select("results", F.results.values, t("form.choose"))}
          {select("promotion", F.promotion.values, null)}
          {text("followers", "number", { min: F.followers.min, max: F.followers.max, step: 1, inputMode: "numeric" })}
          {select("attitude", F.attitude.values, t("form.notRecorded"))}
        </>
      ))}
      {group(t("form.groups.growth"), (
        <>
          {checkboxes("tools", F.tools.values)}
          {select("advocacy", F.advocacy.values, null)}
        </>
      ))}
      {group(t("form.groups.notes"), (
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
              <input id="notes_internal" type="checkbox" name="notes_internal" defaultChecked={values.notes_internal} aria-describedby="notes_internal-help" className={checkClass} />
              {fieldLabel("notes_internal")}
            </label>
            <p id="notes_internal-help" className={helpClass}>{t("fields.notes_internal.help")}</p>
          </div>
        </>
      ))}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("form.saving") : props.mode === "create" ? t("form.saveNew") : t("form.saveEdit")}
        </button>
        <IntentLink href={props.cancelHref} className={buttonClass("secondary")}>{t("form.cancel")}</IntentLink>
      </div>
    </form>
  );
}
