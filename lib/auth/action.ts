// ONE way to write a server action: resolve the actor, check a named permission, parse the
// FormData with the shared zod schema, and answer in the one ActionState shape. A caller who is
// signed out or lacks the permission gets the same not-found page as a missing resource: an
// action never says "forbidden".
import { notFound } from "next/navigation";
import type { z } from "zod";
import { getActor } from "./actor";
import { can, type Actor, type Permission } from "./permissions";
import type { ActionState } from "./action-state";
import { unstorableText } from "../validation/primitives";
import { getDb } from "../../db";
import { inFirm } from "../../db/tenant";

export type { ActionState } from "./action-state";

/** What the action body decides: success (with data for the form) or errors in the one shape. */
export type ActionFailure = { ok: false; fieldErrors?: Record<string, string>; formError?: string };
export type ActionOutcome<D> = { ok: true; data?: D } | ActionFailure;

export const ok = <D = undefined>(data?: D): { ok: true; data?: D } => ({ ok: true, data });
export const fail = (fieldErrors: Record<string, string> = {}, formError?: string): ActionFailure => ({ ok: false, fieldErrors, formError });

export interface ActionContext<A> {
  actor: A;
  form: FormData;
  values: Record<string, string>;
}

export interface ActionOptions {
  /** Turn the FormData into the schema's input; by default, every text field by name. */
  input?: (form: FormData) => unknown;
  /** One fixed message per field, in place of the schema's own messages. */
  messages?: Record<string, string>;
  /** Hidden fields (ids, versions) the form itself fills in: a bad one means a tampered or stale request, answered as not found. */
  notFoundOn?: string[];
}

/** The text fields of a form, minus Next's internal ones and anything secret. */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string" || k.startsWith("$ACTION") || /password|confirm|token/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

function textFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Fields whose text the database could not store (a NUL byte, a lone surrogate), with why. */
function unstorableFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    const inName = unstorableText(k);
    const problem = inName ?? unstorableText(v);
    if (problem) out[inName ? "form" : k] ??= `This text ${problem}: remove that character and try again.`;
  }
  return out;
}

/** Zod issues as one message per field (the first wins); issues without a path go to "form". */
export function fieldErrorsOf(error: z.ZodError, messages: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    out[key] ??= messages[key] ?? issue.message;
  }
  return out;
}

async function authorize(permission: Permission | null): Promise<Actor | null> {
  if (permission === null) return null;
  const actor = await getActor();
  if (!can(actor, permission)) notFound();
  return actor;
}

type ActorFor<P> = P extends null ? null : Actor;

/** Next's redirect() is an exception that means "done, go there": the work before it must commit. */
function isRedirect(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/**
 * The body of an action runs in one transaction naming the actor's firm (row-level security,
 * db/tenant.ts); getDb() inside returns it. A redirect commits, any other error rolls back.
 * Public actions (no actor) run as they are: their lookups open identity transactions.
 */
async function inActorsFirm<T>(actor: Actor | null, fn: () => Promise<T>): Promise<T> {
  if (!actor) return fn();
  let redirect: { err: unknown } | null = null;
  const out = await inFirm(await getDb(), actor.firmId, async () => {
    try {
      return await fn();
    } catch (err) {
      if (!isRedirect(err)) throw err;
      redirect = { err };
      return undefined as T;
    }
  });
  if (redirect) throw (redirect as { err: unknown }).err;
  return out;
}

/**
 * The form and the previous state from whatever the caller sent. An action is a public endpoint:
 * a client can call it with any arguments, not only the (prev, form) or (form) its page uses.
 * A call without a form is a tampered request, answered as not found.
 */
function callArgs<D>(args: unknown[]): { prev: ActionState<D> | undefined; form: FormData } {
  const form = args.find((a): a is FormData => a instanceof FormData);
  if (!form) notFound();
  const first = args[0];
  const prev = first !== null && typeof first === "object" && !(first instanceof FormData) ? (first as ActionState<D>) : undefined;
  return { prev, form };
}

/** A form action used with useActionState: `(prev, form) => ActionState`. `permission` null is for the public forms (sign-in, accepting an invitation). */
export function action<P extends Permission | null, S extends z.ZodType, D = undefined>(
  permission: P,
  schema: S,
  fn: (input: z.output<S>, ctx: ActionContext<ActorFor<P>>) => Promise<ActionOutcome<D>>,
  opts: ActionOptions = {},
): (prev: ActionState<D> | undefined, form: FormData) => Promise<ActionState<D>> {
  return async (...args: unknown[]) => {
    const actor = (await authorize(permission)) as ActorFor<P>;
    const { prev, form } = callArgs<D>(args);
    const n = (typeof prev?.n === "number" ? prev.n : 0) + 1;
    const values = formValues(form);
    const unstorable = unstorableFields(form);
    if (Object.keys(unstorable).length > 0) return { n, ok: false, fieldErrors: unstorable, values };
    const parsed = schema.safeParse(opts.input ? opts.input(form) : textFields(form));
    if (!parsed.success) {
      if (opts.notFoundOn && parsed.error.issues.some((i) => opts.notFoundOn!.includes(String(i.path[0])))) notFound();
      return { n, ok: false, fieldErrors: fieldErrorsOf(parsed.error, opts.messages), values };
    }
    const outcome = await inActorsFirm(actor, () => fn(parsed.data, { actor, form, values }));
    if (outcome.ok) return { n, ok: true, fieldErrors: {}, data: outcome.data };
    return { n, ok: false, fieldErrors: outcome.fieldErrors ?? {}, ...(outcome.formError ? { formError: outcome.formError } : {}), values };
  };
}

/** A plain `<form action>` (no state): input that fails the schema is treated like a missing resource. */
export function formAction<P extends Permission | null, S extends z.ZodType>(
  permission: P,
  schema: S,
  fn: (input: z.output<S>, ctx: ActionContext<ActorFor<P>>) => Promise<void>,
  opts: Pick<ActionOptions, "input"> = {},
): (form: FormData) => Promise<void> {
  return async (...args: unknown[]) => {
    const actor = (await authorize(permission)) as ActorFor<P>;
    const { form } = callArgs(args);
    const parsed = schema.safeParse(opts.input ? opts.input(form) : textFields(form));
    if (!parsed.success || Object.keys(unstorableFields(form)).length > 0) notFound();
    await inActorsFirm(actor, () => fn(parsed.data, { actor, form, values: formValues(form) }));
  };
}
