"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, errorTextClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { createTokenAction, type CreateTokenState } from "./actions";

export function TokenForm() {
  const t = useTranslations("tokens.form");
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, initialActionState<{ token: string; name: string }>());
  const [copied, setCopied] = useState(false);
  const errors = state.fieldErrors;
  // The action answers with codes; anything else (text it could not store) falls back to the field's message.
  const message = (field: "name" | "expiresInDays") => (errors[field] ? t(`errors.${field}`) : null);
  const created = state.ok ? state.data : undefined;
  return (
    <div>
      <form action={action} className="grid gap-3 sm:flex sm:flex-wrap sm:items-end" noValidate>
        <label className="min-w-0 text-sm sm:w-64">
          {t("name")}
          <input name="name" required maxLength={100} placeholder={t("placeholder")} className={inputClass} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "token-name-error" : undefined} />
          {errors.name ? <span id="token-name-error" className={errorTextClass}>{message("name")}</span> : null}
        </label>
        <label className="min-w-0 text-sm sm:w-44">
          {t("expires")}
          <input name="expiresInDays" type="number" inputMode="numeric" min={1} max={365} defaultValue={90} className={inputClass} aria-invalid={errors.expiresInDays ? true : undefined} aria-describedby={errors.expiresInDays ? "token-days-error" : undefined} />
          {errors.expiresInDays ? <span id="token-days-error" className={errorTextClass}>{message("expiresInDays")}</span> : null}
        </label>
        <button type="submit" className={buttonClass("primary", "justify-self-start")} disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {created ? (
        <div className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50" role="status">
          <p className="font-medium">{t("created", { name: created.name })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">{created.token}</code>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => navigator.clipboard?.writeText(created.token).then(() => setCopied(true), () => {})}
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
