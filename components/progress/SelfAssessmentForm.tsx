"use client";
import { useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { STAGE_COLORS } from "@/components/stage/colors";
import { errorTextClass, focusClass, inputClass } from "@/components/ui/primitives";

export type SelfAssessFormState = ActionState;

const NOTE_MAX = 2000;

/**
 * Six buttons, one click each; the optional words go with whichever button is pressed. The
 * client's current answer is pressed (aria-pressed), outlined and marked "Your answer".
 */
export function SelfAssessmentForm({
  action,
  labels,
  current,
}: {
  action: (prev: SelfAssessFormState | undefined, form: FormData) => Promise<SelfAssessFormState>;
  labels: Record<number, string>;
  current: number | null;
}) {
  const t = useTranslations("progress.self");
  const [state, formAction, pending] = useActionState(action, initialActionState());
  const id = useId();
  const saved = useRef<HTMLSpanElement>(null);
  // After a save, focus goes to the result so a screen reader and a keyboard user both land on it.
  useEffect(() => {
    if (state.ok) saved.current?.focus();
  }, [state]);
  const noteError = state.fieldErrors.note ? t("errors.note", { max: NOTE_MAX }) : null;
  const stageError = state.fieldErrors.stage ? t("errors.stage") : null;
  const formError = !state.ok && state.formError ? t("errors.form") : null;
  return (
    <form action={formAction} aria-label={t("title")} className="no-print space-y-3">
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm">
          {t("note")}
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          maxLength={NOTE_MAX}
          rows={2}
          className={inputClass}
          aria-invalid={!!noteError}
          aria-describedby={noteError ? `${id}-note-error` : undefined}
        />
        {noteError ? (
          <p id={`${id}-note-error`} className={errorTextClass}>
            {noteError}
          </p>
        ) : null}
      </div>
      <div role="group" aria-label={t("stages")} aria-describedby={stageError ? `${id}-stage-error` : undefined} className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:grid-cols-3">
        {[1, 2, 3, 4, 5, 6].map((s) => {
          const chosen = current === s;
          return (
            <button
              key={s}
              type="submit"
              name="stage"
              value={s}
              disabled={pending}
              aria-pressed={chosen}
              className={`relative min-h-11 rounded-lg border-2 p-2 text-left text-sm disabled:opacity-60 ${focusClass} ${
                chosen
                  ? "bg-indigo-50 ring-2 ring-indigo-700 ring-offset-1 dark:bg-indigo-950 dark:ring-indigo-300 dark:ring-offset-slate-900"
                  : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"
              }`}
              style={{ borderColor: STAGE_COLORS[s]!.hex }}
            >
              <span className="flex flex-wrap items-center justify-between gap-1">
                <span className="font-semibold">{t("stage", { stage: s })}</span>
                {chosen ? (
                  <span className="inline-flex items-center gap-1 rounded-full bg-indigo-700 px-2 py-0.5 text-xs font-medium text-white dark:bg-indigo-300 dark:text-slate-900">
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
                      <path d="M6.2 11.4 2.8 8l1.1-1.1 2.3 2.3 5.9-5.9L13.2 4.4z" />
                    </svg>
                    {t("chosen")}
                  </span>
                ) : null}
              </span>
              <span className="mt-0.5 block text-xs text-slate-700 dark:text-slate-300">{labels[s]}</span>
            </button>
          );
        })}
      </div>
      {stageError ? (
        <p id={`${id}-stage-error`} className={errorTextClass}>
          {stageError}
        </p>
      ) : null}
      {formError ? <p className={errorTextClass}>{formError}</p> : null}
      <p className="text-sm" role="status">
        {pending ? <span className="text-slate-700 dark:text-slate-300">{t("saving")}</span> : null}
        {state.ok && !pending ? (
          <span ref={saved} tabIndex={-1} className={`rounded-sm text-emerald-800 dark:text-emerald-300 ${focusClass}`}>
            {t("saved")}
          </span>
        ) : null}
      </p>
    </form>
  );
}
