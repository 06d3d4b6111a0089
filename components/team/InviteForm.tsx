"use client";
import { useActionState, useState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";

export type InviteFormState = ActionState<{ path: string; email: string }>;

export function InviteForm({ action, clients }: { action: (prev: InviteFormState | undefined, form: FormData) => Promise<InviteFormState>; clients: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, initialActionState<{ path: string; email: string }>());
  const [role, setRole] = useState("consultant");
  const err = state.fieldErrors;
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div>
      <form action={formAction} aria-label="Invite someone" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <label className="text-sm">
          Name
          <input name="name" className={inputClass} aria-invalid={!!err.name} aria-describedby={err.name ? "invite-name-err" : undefined} />
          {err.name ? <span id="invite-name-err" className="text-xs text-red-700">{err.name}</span> : null}
        </label>
        <label className="text-sm">
          Email
          <input name="email" type="email" className={inputClass} aria-invalid={!!err.email} aria-describedby={err.email ? "invite-email-err" : undefined} />
          {err.email ? <span id="invite-email-err" className="text-xs text-red-700">{err.email}</span> : null}
        </label>
        <label className="text-sm">
          Role
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)} className={inputClass}>
            <option value="consultant">Consultant</option>
            <option value="client">Client user</option>
          </select>
        </label>
        <label className="text-sm">
          Client (for a client user)
          <select name="clientId" disabled={role !== "client"} className={inputClass} aria-invalid={!!err.clientId}>
            <option value="">—</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          {err.clientId ? <span className="text-xs text-red-700">{err.clientId}</span> : null}
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>Create invitation</button>
      </form>
      {state.ok && state.data ? (
        <div role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p>Invitation for {state.data.email} created. Pass this link on; it is shown only once and works for 7 days:</p>
          <code data-testid="invite-link" className="mt-1 block break-all font-mono">{origin}{state.data.path}</code>
        </div>
      ) : null}
    </div>
  );
}
