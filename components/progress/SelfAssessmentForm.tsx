"use client";
import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { STAGE_COLORS } from "@/components/stage/colors";

export type SelfAssessFormState = ActionState;

/** Six buttons, one click each; the optional words go with whichever button is pressed. */
export function SelfAssessmentForm({ action, labels, current }: { action: (prev: SelfAssessFormState | undefined, form: FormData) => Promise<SelfAssessFormState>; labels: Record<number, string>; current: number | null }) {
  const [state, formAction, pending] = useActionState(action, initialActionState());
  return (
    <form action={formAction} aria-label="Which stage would you put yourself in?" className="no-print space-y-3">
      <label className="block text-sm">
        Anything you want to add? (optional)
        <textarea name="note" maxLength={2000} rows={2} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm" aria-invalid={!!state.fieldErrors.note} />
        {state.fieldErrors.note ? <span className="text-xs text-red-700">{state.fieldErrors.note}</span> : null}
      </label>
      <div role="group" aria-label="Stages" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {[1, 2, 3, 4, 5, 6].map((s) => (
          <button
            key={s}
            type="submit"
            name="stage"
            value={s}
            disabled={pending}
            aria-pressed={current === s}
            className="rounded-lg border-2 bg-white p-2 text-left text-sm hover:bg-slate-50 disabled:opacity-60"
            style={{ borderColor: STAGE_COLORS[s].hex }}
          >
            <span className="block font-semibold">Stage {s}</span>
            <span className="block text-xs text-slate-600">{labels[s]}</span>
          </button>
        ))}
      </div>
      {state.fieldErrors.stage ? <p className="text-sm text-red-700">{state.fieldErrors.stage}</p> : null}
      {state.ok ? <p role="status" className="text-sm text-emerald-700">Thank you, your answer is saved.</p> : null}
    </form>
  );
}
