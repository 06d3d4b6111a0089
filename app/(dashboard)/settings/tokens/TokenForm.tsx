"use client";
import { useActionState, useState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState } from "@/lib/auth/action-state";
import { createTokenAction, type CreateTokenState } from "./actions";

export function TokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, initialActionState<{ token: string; name: string }>());
  const [copied, setCopied] = useState(false);
  const errors = state.fieldErrors;
  const created = state.ok ? state.data : undefined;
  return (
    <div>
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <label className="text-sm">
          Name
          <input name="name" required maxLength={100} placeholder="e.g. Spreadsheet sync" className={inputClass} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "token-name-error" : undefined} />
          {errors.name ? <span id="token-name-error" className="text-xs text-red-700">{errors.name}</span> : null}
        </label>
        <label className="text-sm">
          Expires after (days)
          <input name="expiresInDays" type="number" min={1} max={365} defaultValue={90} className={inputClass} aria-invalid={errors.expiresInDays ? true : undefined} aria-describedby={errors.expiresInDays ? "token-days-error" : undefined} />
          {errors.expiresInDays ? <span id="token-days-error" className="text-xs text-red-700">{errors.expiresInDays}</span> : null}
        </label>
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {created ? (
        <div className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="font-medium">Token “{created.name}” created. Copy it now: it is shown only once.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-token" className="break-all rounded bg-white px-2 py-1 font-mono text-xs">{created.token}</code>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => navigator.clipboard?.writeText(created.token).then(() => setCopied(true), () => {})}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
