"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { EMPTY_NEW_CLIENT, type NewClientErrorCode, type NewClientField, type NewClientFormState } from "./new-client-state";

const MESSAGES: Record<string, Partial<Record<NewClientErrorCode, string>>> = {
  name: { required: "Enter the client's name.", tooLong: "Keep the name to 200 characters or fewer.", duplicate: "Your firm already has a client with this name." },
  industry: { tooLong: "Keep the industry to 200 characters or fewer." },
  notes: { tooLong: "Keep the notes to 5,000 characters or fewer." },
  consultantId: { required: "Choose the lead consultant.", invalid: "Choose an active consultant of your firm." },
};

type Field = NewClientField;

export function NewClientForm({
  action,
  consultants,
}: {
  action: (prev: NewClientFormState | undefined, form: FormData) => Promise<NewClientFormState>;
  /** Present for managers, who pick the lead consultant. */
  consultants: { id: string; name: string; email: string }[] | null;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_NEW_CLIENT);
  const err = (f: Field) => (state.fieldErrors[f] ? MESSAGES[f]?.[state.fieldErrors[f] as NewClientErrorCode] : undefined);
  const values = state.values ?? {};
  const described = (f: Field, help?: string) => [err(f) ? `${f}-error` : null, help].filter(Boolean).join(" ") || undefined;
  const errorText = (f: Field) =>
    err(f) ? (
      <p id={`${f}-error`} className="mt-1 text-sm text-red-700">
        {err(f)}
      </p>
    ) : null;
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <div>
        <label htmlFor="name" className="block text-sm font-medium">Name</label>
        <input id="name" name="name" required maxLength={200} defaultValue={values.name ?? ""} className={inputClass} aria-invalid={!!err("name")} aria-describedby={described("name")} autoFocus />
        {errorText("name")}
      </div>
      <div>
        <label htmlFor="industry" className="block text-sm font-medium">Industry <span className="font-normal text-slate-500">(optional)</span></label>
        <input id="industry" name="industry" maxLength={200} defaultValue={values.industry ?? ""} className={inputClass} aria-invalid={!!err("industry")} aria-describedby={described("industry")} />
        {errorText("industry")}
      </div>
      <div>
        <label htmlFor="notes" className="block text-sm font-medium">Notes <span className="font-normal text-slate-500">(optional)</span></label>
        <textarea id="notes" name="notes" rows={4} maxLength={5000} defaultValue={values.notes ?? ""} className={inputClass} aria-invalid={!!err("notes")} aria-describedby={described("notes")} />
        {errorText("notes")}
      </div>
      {consultants ? (
        <div>
          <label htmlFor="consultantId" className="block text-sm font-medium">Lead consultant</label>
          <select id="consultantId" name="consultantId" defaultValue={values.consultantId ?? ""} className={inputClass} aria-invalid={!!err("consultantId")} aria-describedby={described("consultantId")}>
            <option value="">Choose a consultant…</option>
            {consultants.map((c) => (
              <option key={c.id} value={c.id}>{c.name} ({c.email})</option>
            ))}
          </select>
          {errorText("consultantId")}
        </div>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>{pending ? "Creating…" : "Create client"}</button>
        <Link href="/clients" className={buttonClass("secondary")}>Cancel</Link>
      </div>
    </form>
  );
}
