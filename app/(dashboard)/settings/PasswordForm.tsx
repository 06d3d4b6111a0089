"use client";
import { useActionState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { changePasswordAction, type PasswordErrorCode, type PasswordState } from "./actions";

const MESSAGES: Record<PasswordErrorCode, string> = {
  "wrong-current": "That is not your current password.",
  "password-short": "Use at least 10 characters.",
  "password-mismatch": "The two new passwords are not the same.",
  "password-same": "Choose a password different from the current one.",
};

function Field({ name, label, error, autoComplete, hint }: { name: string; label: string; error?: string; autoComplete: string; hint?: string }) {
  const message = error ? (MESSAGES[error as PasswordErrorCode] ?? error) : null;
  return (
    <label className="block text-sm">
      {label}
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        className={inputClass}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${name}-err` : undefined}
      />
      {message ? <span id={`${name}-err`} className="text-xs text-red-700">{message}</span> : hint ? <span className="text-xs text-slate-600">{hint}</span> : null}
    </label>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, initialActionState<{ endedSessions: number }>());
  const e = state.fieldErrors;
  const formError = !state.ok && state.formError ? (MESSAGES[state.formError as PasswordErrorCode] ?? state.formError) : null;
  const done = state.ok && state.data ? state.data : null;
  return (
    <form action={action} className="max-w-sm space-y-3" noValidate>
      <Field name="current" label="Current password" error={e.current} autoComplete="current-password" />
      <Field name="password" label="New password" error={e.password} autoComplete="new-password" hint="At least 10 characters." />
      <Field name="confirm" label="New password again" error={e.confirm} autoComplete="new-password" />
      {formError ? <p className="text-sm text-red-700" role="alert">{formError}</p> : null}
      {done ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900" data-testid="password-changed">
          Password changed.{" "}
          {done.endedSessions === 0 ? "You had no other sessions." : `${done.endedSessions} other session${done.endedSessions === 1 ? " was" : "s were"} signed out.`}
        </p>
      ) : null}
      <button type="submit" className={buttonClass("primary")} disabled={pending}>{pending ? "Changing…" : "Change password"}</button>
    </form>
  );
}
