"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { changePasswordAction, type PasswordErrorCode, type PasswordState } from "./actions";

const CODES: PasswordErrorCode[] = ["wrong-current", "password-short", "password-mismatch", "password-same"];
const isCode = (v: string | undefined): v is PasswordErrorCode => !!v && (CODES as string[]).includes(v);

function Field({ name, label, message, autoComplete, hint }: { name: string; label: string; message: string | null; autoComplete: string; hint?: string }) {
  return (
    <label className="block text-sm">
      {label}
      <input name={name} type="password" autoComplete={autoComplete} required className={inputClass} aria-invalid={message ? true : undefined} aria-describedby={message ? `${name}-err` : hint ? `${name}-hint` : undefined} />
      {message ? <span id={`${name}-err`} className="text-xs text-red-700 dark:text-red-300">{message}</span> : hint ? <span id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</span> : null}
    </label>
  );
}

export function PasswordForm() {
  const t = useTranslations("settings.password");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, initialActionState<{ endedSessions: number }>());
  const say = (code: string | undefined) => (isCode(code) ? t(`errors.${code}`) : null);
  const e = state.fieldErrors;
  const formError = !state.ok ? say(state.formError) : null;
  const done = state.ok && state.data ? state.data : null;
  return (
    <form action={action} className="max-w-sm space-y-3" noValidate>
      <Field name="current" label={t("current")} message={say(e.current)} autoComplete="current-password" />
      <Field name="password" label={t("new")} message={say(e.password)} autoComplete="new-password" hint={t("hint")} />
      <Field name="confirm" label={t("again")} message={say(e.confirm)} autoComplete="new-password" />
      {formError ? <p className="text-sm text-red-700 dark:text-red-300" role="alert">{formError}</p> : null}
      {done ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100" data-testid="password-changed">
          {t("changed")} {done.endedSessions === 0 ? t("noOthers") : t("othersEnded", { count: done.endedSessions })}
        </p>
      ) : null}
      <button type="submit" className={buttonClass("primary")} disabled={pending}>{pending ? t("submitting") : t("submit")}</button>
    </form>
  );
}
