"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";

export type LinkState = ActionState<{ path: string; purpose: "invite" | "reset"; expiresAt: string }>;

/**
 * Makes a fresh one-time link for a team member (a new invitation, or a password reset once they
 * have a password) and shows it once, for the manager to pass on. Any earlier link stops working.
 */
export function LinkButton({
  action,
  userId,
  label,
  ariaLabel,
}: {
  action: (prev: LinkState | undefined, form: FormData) => Promise<LinkState>;
  userId: string;
  label: string;
  ariaLabel: string;
}) {
  const t = useTranslations("team.actions");
  const [state, formAction, pending] = useActionState(action, initialActionState<{ path: string; purpose: "invite" | "reset"; expiresAt: string }>());
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div className="text-left">
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={pending} className={buttonClass("secondary", "px-2 py-1 whitespace-nowrap")} aria-label={ariaLabel}>
          {label}
        </button>
      </form>
      {state.ok && state.data ? (
        <div role="status" className="mt-1 max-w-xs rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          {t("linkShown", { purpose: state.data.purpose })}
          <code data-testid="one-time-link" className="mt-1 block break-all font-mono">{origin}{state.data.path}</code>
        </div>
      ) : !state.ok && state.formError ? (
        <p role="alert" className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-300">{state.formError === "linkDeactivated" ? t("linkDeactivated") : state.formError}</p>
      ) : null}
    </div>
  );
}
