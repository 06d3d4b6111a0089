"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createCheckIn, deleteCheckIn, StaleVersionError, updateCheckIn } from "@/db/queries/checkins";
import { createOverride, withdrawOverride } from "@/db/queries/overrides";
import { action, fail, formAction, type ActionFailure, type ActionState } from "@/lib/auth/action";
import type { Actor } from "@/lib/auth/permissions";
import { formErrorKinds, parseCheckInValues, valuesFromFormData, type CheckInFormAction, type CheckInFormState } from "@/lib/validation/checkin-form";
import { overrideDateProblem, overrideInputSchema } from "@/lib/validation/override";
import { uuidSchema } from "@/lib/validation/primitives";
import { todayFor } from "@/lib/time/zone";

const createMeta = z.object({ clientId: uuidSchema, idempotencyKey: uuidSchema });
const editMeta = z.object({ clientId: uuidSchema, checkInId: uuidSchema, version: z.coerce.number().int().min(1) });
const HIDDEN = ["clientId", "idempotencyKey", "checkInId", "version", "overrideId"];

function flash(clientId: string, saved: string, from: number | null, to: number | null): string {
  const q = new URLSearchParams({ saved });
  if (from !== null) q.set("from", String(from));
  if (to !== null) q.set("to", String(to));
  return `/clients/${clientId}?${q}`;
}

type ParsedCheckIn = Extract<ReturnType<typeof parseCheckInValues>, { ok: true }>;
type Saved = { clientId: string; saved: "created" | "updated"; from: number | null; to: number | null };

function toCheckInState(s: ActionState, fd: FormData): CheckInFormState {
  const values = valuesFromFormData(fd);
  if (s.formError === "conflict") return { n: s.n, values, conflict: true };
  return { n: s.n, values, errors: s.fieldErrors };
}

/**
 * A check-in form's action: the hidden ids through `meta` (a bad one is not found), the fields
 * through the interchange format's own parser, then `save`, then back to the client page.
 */
function checkInFormAction<S extends z.ZodType>(meta: S, save: (meta: z.output<S>, actor: Actor, parsed: ParsedCheckIn) => Promise<Saved | ActionFailure>): CheckInFormAction {
  const step = action(
    "checkins.write",
    meta,
    async (m, { actor, form }) => {
      // "Not in the future" means after the consultant's own today, in their time zone.
      const values = valuesFromFormData(form);
      const parsed = parseCheckInValues(values, todayFor(actor));
      // The form gets the kind of each problem and says what to do in the user's language.
      if (!parsed.ok) return fail(formErrorKinds(values, parsed.errors) as Record<string, string>);
      const r = await save(m, actor, parsed);
      if ("ok" in r) return r;
      revalidatePath(`/clients/${r.clientId}`);
      redirect(flash(r.clientId, r.saved, r.from, r.to));
    },
    { notFoundOn: HIDDEN },
  );
  return async (prev, fd) => toCheckInState(await step({ n: typeof prev?.n === "number" ? prev.n : 0, ok: false, fieldErrors: {} }, fd), fd);
}

export const createCheckInAction = checkInFormAction(createMeta, async (meta, actor, { fields, notesInternal }) => {
  const result = await createCheckIn(await getDb(), actor, meta.clientId, fields, { idempotencyKey: meta.idempotencyKey, notesInternal });
  if (!result) notFound();
  return { clientId: meta.clientId, saved: "created", from: result.duplicate ? null : result.stageBefore, to: result.stageAfter };
});

export const updateCheckInAction = checkInFormAction(editMeta, async (meta, actor, { fields, notesInternal }) => {
  let result;
  try {
    result = await updateCheckIn(await getDb(), actor, meta.checkInId, meta.version, fields, { notesInternal });
  } catch (err) {
    if (err instanceof StaleVersionError) return fail({}, "conflict");
    throw err;
  }
  if (!result) notFound();
  return { clientId: result.checkIn.clientId, saved: "updated", from: result.stageBefore, to: result.stageAfter };
});

export const deleteCheckInAction = formAction("checkins.write", editMeta, async (meta, { actor }) => {
  let result;
  try {
    result = await deleteCheckIn(await getDb(), actor, meta.checkInId, meta.version);
  } catch (err) {
    if (err instanceof StaleVersionError) redirect(`/clients/${meta.clientId}/checkins/${meta.checkInId}/delete?stale=1`);
    throw err;
  }
  if (!result) notFound();
  revalidatePath(`/clients/${result.clientId}`);
  redirect(flash(result.clientId, "deleted", result.stageBefore, result.stageAfter));
});

export type OverrideFormState = ActionState;

const overrideForm = overrideInputSchema.extend({ clientId: uuidSchema });

export const createOverrideAction = action(
  "overrides.write",
  overrideForm,
  async ({ clientId, ...input }, { actor }) => {
    const future = overrideDateProblem(input.effectiveDate, todayFor(actor));
    if (future) return fail({ effectiveDate: future });
    const row = await createOverride(await getDb(), actor, clientId, input);
    if (!row) notFound();
    revalidatePath(`/clients/${clientId}`);
    redirect(flash(clientId, "override", null, null));
  },
  {
    input: (fd) => ({
      clientId: fd.get("clientId"),
      stage: fd.get("stage") === "" || fd.get("stage") === null ? undefined : String(fd.get("stage")),
      reason: String(fd.get("reason") ?? ""),
      internal: fd.get("internal") === "on",
      effectiveDate: String(fd.get("effectiveDate") ?? ""),
    }),
    messages: { stage: "expected a stage from 1 to 6" },
    notFoundOn: ["clientId"],
  },
);

export const withdrawOverrideAction = formAction("overrides.write", z.object({ clientId: uuidSchema, overrideId: uuidSchema }), async (ids, { actor }) => {
  const row = await withdrawOverride(await getDb(), actor, ids.overrideId);
  if (!row) notFound();
  revalidatePath(`/clients/${row.clientId}`);
  redirect(flash(row.clientId, "withdrawn", null, null));
});
