"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/auth/action-state";
import { signInAction, type SignInState } from "./actions";

const field = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:outline-2 focus:outline-indigo-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100";

export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, initialActionState());
  // The browser's time zone: a new user's "today" starts from it (kept only if they have none).
  const [timeZone, setTimeZone] = useState("");
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ""), []);
  const code = state.formError ?? Object.values(state.fieldErrors)[0];
  const error = !code
    ? null
    : code.startsWith("locked:")
      ? t("locked", { minutes: Number(code.slice(7)) || 15 })
      : code === "enter"
        ? t("enter")
        : t("wrong");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="timeZone" value={timeZone} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} className={field} aria-describedby={error ? "sign-in-error" : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={field} aria-describedby={error ? "sign-in-error" : undefined} />
      </div>
      {error ? <p id="sign-in-error" role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p> : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
