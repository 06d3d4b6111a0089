"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { acceptInvitationAction } from "./actions";

const LINK_STATES = ["invalid", "used", "expired", "revoked"] as const;

export function AcceptForm({ token }: { token: string }) {
  const t = useTranslations("auth.link");
  const [state, action, pending] = useActionState(acceptInvitationAction, initialActionState());
  // The browser's zone becomes the new user's, unless they already have one.
  const [timeZone, setTimeZone] = useState("");
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ""), []);
  const pwError = state.fieldErrors.password === "password-short" ? t("short") : null;
  const confirmError = state.fieldErrors.confirm === "password-mismatch" ? t("mismatch") : null;
  const code = state.formError ?? "invalid";
  const other =
    !pwError && !confirmError && !state.ok && state.n > 0
      ? code.startsWith("locked:")
        ? t("locked", { minutes: Number(code.slice(7)) || 15 })
        : t(LINK_STATES.find((s) => s === code) ?? "invalid")
      : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <label className="block text-sm">
        {t("newPassword")}
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={inputClass} aria-invalid={!!pwError} aria-describedby={pwError ? "pw-err" : "pw-hint"} />
        {pwError ? <span id="pw-err" className="text-xs text-red-700 dark:text-red-300">{pwError}</span> : <span id="pw-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("hint")}</span>}
      </label>
      <label className="block text-sm">
        {t("confirmPassword")}
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} aria-invalid={!!confirmError} aria-describedby={confirmError ? "confirm-err" : undefined} />
        {confirmError ? <span id="confirm-err" className="text-xs text-red-700 dark:text-red-300">{confirmError}</span> : null}
      </label>
      {other ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{other}</p> : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>{t("submit")}</button>
    </form>
  );
}
