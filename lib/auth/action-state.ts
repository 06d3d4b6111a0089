// The one shape every server action answers with (lib/auth/action.ts). Kept apart from the
// wrapper so client components can import it without pulling in server code.

export interface ActionState<D = undefined> {
  /** Bumped on every answer, so a form can re-mount with the submitted values or move focus. */
  n: number;
  ok: boolean;
  /** Per field, the message (or code) to show beside it. Empty when there is none. */
  fieldErrors: Record<string, string>;
  /** A problem with the submission as a whole. */
  formError?: string;
  /** The submitted text fields (never passwords), to refill the form after an error. */
  values?: Record<string, string>;
  /** What a successful action hands back to the form. */
  data?: D;
}

export const INITIAL_ACTION_STATE: ActionState<never> = { n: 0, ok: false, fieldErrors: {} };

export function initialActionState<D = undefined>(): ActionState<D> {
  return { n: 0, ok: false, fieldErrors: {} };
}
