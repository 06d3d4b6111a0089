"use client";
import { useActionState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { acceptInvitationAction, type AcceptErrorCode } from "./actions";

const MESSAGES: Record<AcceptErrorCode, string> = {
  invalid: "This invitation link is not valid.",
  used: "This invitation has already been used. Sign in instead.",
  expired: "This invitation has expired. Ask your manager for a new one.",
  revoked: "This link has been withdrawn. Ask your manager for a new one.",
  locked: "Too many attempts with invalid links from this address. Wait a while and try again.",
  "password-short": "Use at least 10 characters.",
  "password-mismatch": "The two passwords are not the same.",
};

export function AcceptForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initialActionState());
  const say = (code: string | undefined) => (code ? (MESSAGES[code as AcceptErrorCode] ?? MESSAGES.invalid) : null);
  const pwError = say(state.fieldErrors.password === "password-short" ? "password-short" : undefined);
  const confirmError = say(state.fieldErrors.confirm === "password-mismatch" ? "password-mismatch" : undefined);
  const lockedFor = state.formError?.startsWith("locked:") ? Number(state.formError.slice(7)) : null;
  const other =
    !pwError && !confirmError && !state.ok && state.n > 0
      ? lockedFor !== null
        ? `Too many attempts with invalid links from this address. Try again in ${lockedFor} minute${lockedFor === 1 ? "" : "s"}.`
        : say(state.formError ?? "invalid")
      : null;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <label className="block text-sm">
        New password
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={inputClass} aria-invalid={!!pwError} aria-describedby={pwError ? "pw-err" : undefined} />
        {pwError ? <span id="pw-err" className="text-xs text-red-700">{pwError}</span> : <span className="text-xs text-slate-500">At least 10 characters.</span>}
      </label>
      <label className="block text-sm">
        Confirm password
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} aria-invalid={!!confirmError} aria-describedby={confirmError ? "confirm-err" : undefined} />
        {confirmError ? <span id="confirm-err" className="text-xs text-red-700">{confirmError}</span> : null}
      </label>
      {other ? <p className="text-sm text-red-700">{other}</p> : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>Set password</button>
    </form>
  );
}
