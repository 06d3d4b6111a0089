"use client";

import { IntentLink } from "@/components/ui/IntentLink";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { EMPTY_NEW_CLIENT, type NewClientErrorCode, type NewClientField, type NewClientFormState } from "./new-client-state";

type ErrorKey = "nameRequired" | "nameTooLong" | "nameDuplicate" | "industryTooLong" | "notesTooLong" | "consultantRequired" | "consultantInvalid";

/** The action's error codes, per field, as message keys (clients.new.errors) and the limit they name. */
const MESSAGES: Record<NewClientField, Partial<Record<NewClientErrorCode, [ErrorKey, number?]>>> = {
  name: { required: ["nameRequired"], tooLong: ["nameTooLong", 200], duplicate: ["nameDuplicate"] },
  industry: { tooLong: ["industryTooLong", 200] },
  notes: { tooLong: ["notesTooLong", 5000] },
  consultantId: { required: ["consultantRequired"], invalid: ["consultantInvalid"] },
};

const labelClass = "block text-sm font-medium text-slate-800 dark:text-slate-100";
const optionalClass = "font-normal text-slate-600 dark:text-slate-300";

export function NewClientForm({
  action,
  consultants,
}: {
  action: (prev: NewClientFormState | undefined, form: FormData) => Promise<NewClientFormState>;
  /** Present for managers, who pick the lead consultant. */
  consultants: { id: string; name: string; email: string }[] | null;
}) {
  const t = useTranslations("clients.new");
  const [state, formAction, pending] = useActionState(action, EMPTY_NEW_CLIENT);
  const err = (f: NewClientField): string | undefined => {
    const code = state.fieldErrors[f];
    if (!code) return undefined;
    const m = MESSAGES[f][code as NewClientErrorCode];
    return m ? t(`errors.${m[0]}`, { max: m[1] ?? 0 }) : t("errors.invalid");
  };
  const values = state.values ?? {};
  const described = (f: NewClientField) => (err(f) ? `${f}-error` : undefined);
  const errorText = (f: NewClientField) =>
    err(f) ? (
      <p id={`${f}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {err(f)}
      </p>
    ) : null;
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <div>
        <label htmlFor="name" className={labelClass}>{t("name")}</label>
        <input id="name" name="name" required maxLength={200} defaultValue={values.name ?? ""} className={inputClass} aria-invalid={!!err("name")} aria-describedby={described("name")} autoFocus />
        {errorText("name")}
      </div>
      <div>
        <label htmlFor="industry" className={labelClass}>{t("industry")} <span className={optionalClass}>{t("optional")}</span></label>
        <input id="industry" name="industry" maxLength={200} defaultValue={values.industry ?? ""} className={inputClass} aria-invalid={!!err("industry")} aria-describedby={described("industry")} />
        {errorText("industry")}
      </div>
      <div>
        <label htmlFor="notes" className={labelClass}>{t("notes")} <span className={optionalClass}>{t("optional")}</span></label>
        <textarea id="notes" name="notes" rows={4} maxLength={5000} defaultValue={values.notes ?? ""} className={inputClass} aria-invalid={!!err("notes")} aria-describedby={described("notes")} />
        {errorText("notes")}
      </div>
      {consultants ? (
        <div>
          <label htmlFor="consultantId" className={labelClass}>{t("consultant")}</label>
          <select id="consultantId" name="consultantId" defaultValue={values.consultantId ?? ""} className={inputClass} aria-invalid={!!err("consultantId")} aria-describedby={described("consultantId")}>
            <option value="">{t("chooseConsultant")}</option>
            {consultants.map((c) => (
              <option key={c.id} value={c.id}>{t("consultantOption", { name: c.name, email: c.email })}</option>
            ))}
          </select>
          {errorText("consultantId")}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>{pending ? t("submitting") : t("submit")}</button>
        <IntentLink href="/clients" className={buttonClass("secondary")}>{t("cancel")}</IntentLink>
      </div>
    </form>
  );
}
