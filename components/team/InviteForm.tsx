"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, errorTextClass, inputClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { ClientNameField } from "@/components/clients/ClientNameField";

export type InviteFormState = ActionState<{ path: string; email: string }>;

export function InviteForm({ action }: { action: (prev: InviteFormState | undefined, form: FormData) => Promise<InviteFormState> }) {
  const t = useTranslations("team.invite");
  const [state, formAction, pending] = useActionState(action, initialActionState<{ path: string; email: string }>());
  const [role, setRole] = useState("consultant");
  const err = state.fieldErrors;
  // The action answers with codes; anything it did not word itself reads as "check this field".
  const message = (field: string) => {
    const code = err[field];
    if (!code) return null;
    const key = `errors.${code}` as "errors.invalid";
    return t.has(key) ? t(key) : t("errors.invalid");
  };
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div>
      <form action={formAction} aria-label={t("form")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <label className="min-w-0 text-sm">
          {t("name")}
          <input name="name" defaultValue={state.ok ? "" : state.values?.name} autoComplete="off" className={inputClass} aria-invalid={!!err.name} aria-describedby={err.name ? "invite-name-err" : undefined} />
          {err.name ? <span id="invite-name-err" className={errorTextClass}>{message("name")}</span> : null}
        </label>
        <label className="min-w-0 text-sm">
          {t("email")}
          <input name="email" type="email" defaultValue={state.ok ? "" : state.values?.email} autoComplete="off" className={inputClass} aria-invalid={!!err.email} aria-describedby={err.email ? "invite-email-err" : undefined} />
          {err.email ? <span id="invite-email-err" className={errorTextClass}>{message("email")}</span> : null}
        </label>
        <label className="min-w-0 text-sm">
          {t("role")}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)} className={inputClass} aria-invalid={!!err.role} aria-describedby={err.role ? "invite-role-err" : undefined}>
            <option value="consultant">{t("roleConsultant")}</option>
            <option value="client">{t("roleClient")}</option>
          </select>
          {err.role ? <span id="invite-role-err" className={errorTextClass}>{message("role")}</span> : null}
        </label>
        {/* The client by name (a firm may have thousands): suggested as the manager types. */}
        <ClientNameField
          key={state.ok ? `sent-${state.n}` : "open"}
          id="invite-client"
          name="clientName"
          label={t("client")}
          error={message("clientName")}
          className="min-w-0 text-sm"
          defaultValue={state.ok ? "" : state.values?.clientName}
          disabled={role !== "client"}
        />
        <button type="submit" disabled={pending} className={buttonClass("primary", "justify-self-start")}>{pending ? t("submitting") : t("submit")}</button>
      </form>
      {state.ok && state.data ? (
        <div role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50">
          <p>{t("created", { email: state.data.email })}</p>
          <code data-testid="invite-link" className="mt-1 block break-all font-mono">{origin}{state.data.path}</code>
        </div>
      ) : null}
    </div>
  );
}
