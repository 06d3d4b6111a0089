"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

type Action = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;

/** The user's language and time zone: a `select` named `locale`, one named `timeZone`, and a submit button. */
export function PreferencesForm({ action, locale, timeZone, zones }: { action: Action; locale: string | null; timeZone: string; zones: string[] }) {
  const t = useTranslations("settings.preferences");
  const [state, formAction, pending] = useActionState(action, initialActionState());
  const e = state.fieldErrors as Record<string, "badLocale" | "badTimeZone" | undefined>;
  return (
    <form action={formAction} className="grid max-w-xl gap-3 sm:grid-cols-2 sm:items-end" noValidate>
      <label className="block text-sm">
        {t("locale")}
        <select name="locale" defaultValue={locale ?? ""} className={inputClass} aria-invalid={e.locale ? true : undefined} aria-describedby={e.locale ? "locale-err" : undefined}>
          {locale ? null : <option value="">—</option>}
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
          ))}
        </select>
        {e.locale ? <span id="locale-err" className="text-xs text-red-700 dark:text-red-300">{t(e.locale)}</span> : null}
      </label>
      <label className="block text-sm">
        {t("timeZone")}
        <select name="timeZone" defaultValue={timeZone} className={inputClass} aria-invalid={e.timeZone ? true : undefined} aria-describedby={e.timeZone ? "tz-err" : "tz-hint"}>
          {zones.map((z) => (
            <option key={z} value={z}>{z}</option>
          ))}
        </select>
        {e.timeZone ? <span id="tz-err" className="text-xs text-red-700 dark:text-red-300">{t(e.timeZone)}</span> : <span id="tz-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("timeZoneHint")}</span>}
      </label>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>{t("save")}</button>
        {state.ok && state.n > 0 ? <p role="status" className="mt-2 text-sm text-emerald-800 dark:text-emerald-300" data-testid="preferences-saved">{t("saved")}</p> : null}
      </div>
    </form>
  );
}

/** A manager's firm-wide default zone. */
export function FirmTimeZoneForm({ action, timeZone, zones }: { action: Action; timeZone: string; zones: string[] }) {
  const t = useTranslations("settings");
  const [state, formAction, pending] = useActionState(action, initialActionState());
  return (
    <form action={formAction} className="flex max-w-xl flex-wrap items-end gap-3">
      <label className="block text-sm">
        {t("preferences.timeZone")}
        <select name="firmTimeZone" aria-label={t("firm.title")} defaultValue={timeZone} className={inputClass}>
          {zones.map((z) => (
            <option key={z} value={z}>{z}</option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")} disabled={pending}>{t("firm.save")}</button>
      {state.ok && state.n > 0 ? <p role="status" className="w-full text-sm text-emerald-800 dark:text-emerald-300">{t("firm.saved")}</p> : null}
      {!state.ok && state.fieldErrors.timeZone ? <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">{t("preferences.badTimeZone")}</p> : null}
    </form>
  );
}
