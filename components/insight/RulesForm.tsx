"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, errorTextClass, inputClass, mutedClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SETTING_KEYS, type SettingKey, type StageSettings } from "@/lib/stages/settings";
import type { WhatIfResult } from "@/lib/insight/what-if";
import { RulesPreview } from "./RulesPreview";

type Act<D> = (prev: ActionState<D> | undefined, form: FormData) => Promise<ActionState<D>>;
export type SavedRules = { version: number; unchanged: boolean };

/**
 * The firm's thresholds with their bounds and defaults. "Preview" runs the what-if on the values
 * in the form; "Save and apply" saves them as a new version; "Return to defaults" saves the
 * defaults. The inputs are controlled so a preview or an error keeps what was typed.
 */
export function RulesForm({
  values,
  previewAction,
  saveAction,
  resetAction,
}: {
  values: StageSettings;
  previewAction: Act<WhatIfResult>;
  saveAction: Act<SavedRules>;
  resetAction: Act<SavedRules>;
}) {
  const t = useTranslations("rules");
  const [text, setText] = useState<Record<SettingKey, string>>(() => Object.fromEntries(SETTING_KEYS.map((k) => [k, String(values[k])])) as Record<SettingKey, string>);
  const [preview, previewFormAction, previewing] = useActionState(previewAction, initialActionState<WhatIfResult>());
  const [save, saveFormAction, saving] = useActionState(saveAction, initialActionState<SavedRules>());
  const [reset, resetFormAction, resetting] = useActionState(resetAction, initialActionState<SavedRules>());
  // Which button answered last decides whose errors and message show.
  const [last, setLast] = useState<"preview" | "save" | "reset" | null>(null);
  const current = last === "preview" ? preview : last === "save" ? save : last === "reset" ? reset : null;
  const errors = current && !current.ok ? current.fieldErrors : {};
  const busy = previewing || saving || resetting;

  const message = (code: string, key: SettingKey | null) => {
    const b = key ? SETTING_BOUNDS[key] : null;
    const k = `errors.${code}` as "errors.notNumber";
    return t.has(k) ? t(k, { min: b?.min ?? 0, max: b?.max ?? 0 }) : t("errors.summary");
  };

  const savedMessage = (s: ActionState<SavedRules> | null) =>
    s?.ok && s.data ? (s.data.unchanged ? t("unchanged") : t("saved", { version: s.data.version })) : null;
  const done = last === "save" ? savedMessage(save) : last === "reset" ? savedMessage(reset) : null;

  return (
    <div className="space-y-4">
      <form aria-label={t("form")} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          {SETTING_KEYS.map((key) => {
            const b = SETTING_BOUNDS[key];
            const err = errors[key];
            const id = `rules-${key}`;
            return (
              <div key={key} className="min-w-0 text-sm">
                <label htmlFor={id} className="font-medium">
                  {t(`fields.${key}.label`)}
                </label>
                <input
                  id={id}
                  name={key}
                  type="number"
                  inputMode={b.integer ? "numeric" : "decimal"}
                  min={b.min}
                  max={b.max}
                  step={b.step}
                  required
                  value={text[key]}
                  onChange={(e) => setText((x) => ({ ...x, [key]: e.target.value }))}
                  className={inputClass}
                  aria-invalid={!!err}
                  aria-describedby={`${id}-help${err ? ` ${id}-err` : ""}`}
                />
                <p id={`${id}-help`} className={`mt-1 text-xs ${mutedClass}`}>
                  {t(`fields.${key}.help`)} {t("bounds", { min: b.min, max: b.max, def: DEFAULT_SETTINGS[key] })}
                </p>
                {err ? (
                  <p id={`${id}-err`} className={errorTextClass}>
                    {message(err, key)}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        {errors.form ? (
          <p role="alert" className={errorTextClass}>
            {message(errors.form, null)}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" formAction={previewFormAction} onClick={() => setLast("preview")} disabled={busy} className={buttonClass("secondary")}>
            {previewing ? t("previewing") : t("preview")}
          </button>
          <button type="submit" formAction={saveFormAction} onClick={() => setLast("save")} disabled={busy} className={buttonClass("primary")}>
            {saving ? t("saving") : t("save")}
          </button>
        </div>
      </form>
      <form action={resetFormAction} onSubmit={() => setLast("reset")}>
        <button
          type="submit"
          disabled={busy}
          className={buttonClass("secondary")}
          onClick={() => setText(Object.fromEntries(SETTING_KEYS.map((k) => [k, String(DEFAULT_SETTINGS[k])])) as Record<SettingKey, string>)}
        >
          {resetting ? t("resetting") : t("reset")}
        </button>
      </form>
      {current && !current.ok && Object.keys(errors).length > 0 ? (
        <p role="alert" className={errorTextClass}>
          {t("errors.summary")}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50">
          {done}
        </p>
      ) : null}
      {last === "preview" && preview.ok && preview.data ? <RulesPreview result={preview.data} /> : null}
    </div>
  );
}
