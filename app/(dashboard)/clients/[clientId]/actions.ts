"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createCheckIn, deleteCheckIn, StaleVersionError, updateCheckIn } from "@/db/queries/checkins";
import { createOverride, withdrawOverride } from "@/db/queries/overrides";
import { action, fail, formAction, type ActionState } from "@/lib/auth/action";
import { parseCheckInValues, valuesFromFormData, type CheckInFormState } from "@/lib/validation/checkin-form";
import { overrideInputSchema } from "@/lib/validation/override";
import { uuidSchema } from "@/lib/validation/primitives";


const createMeta = z.object({ clientId: uuidSchema, idempotencyKey: uuidSchema });
const editMeta = z.object({ clientId: uuidSchema, checkInId: uuidSchema, version: z.coerce.number().int().min(1) });
const HIDDEN = ["clientId", "idempotencyKey", "checkInId", "version", "overrideId"];

function flash(clientId: string, saved: string, from: number | null, to: number | null): string {
  const q = new URLSearchParams({ saved });
  if (from !== null) q.set("from", String(from));
  if (to !== null) q.set("to", String(to));
  return `/clients/${clientId}?${q}`;
}

/** The check-in fields (not a zod schema: the interchange format's own parser). */
function validate(fd: FormData) {
  const parsed = parseCheckInValues(valuesFromFormData(fd));
  if (!parsed.ok) return { failure: fail(parsed.errors as Record<string, string>) };
  return { parsed };
}

function toCheckInState(s: ActionState, fd: FormData): CheckInFormState {
  const values = valuesFromFormData(fd);
  if (s.formError === "conflict") return { n: s.n, values, conflict: true };
  return { n: s.n, values, errors: s.fieldErrors };
}

const createCheckInStep = action(
  "checkins.write",
  createMeta,
  async (meta, { actor, form }) => {
    const v = validate(form);
    if (!v.parsed) return v.failure;
    const result = await createCheckIn(await getDb(), actor, meta.clientId, v.parsed.fields, {
      idempotencyKey: meta.idempotencyKey,
      notesInternal: v.parsed.notesInternal,
    });
    if (!result) notFound();
    revalidatePath(`/clients/${meta.clientId}`);
    redirect(flash(meta.clientId, "created", result.duplicate ? null : result.stageBefore, result.stageAfter));
  },
  { notFoundOn: HIDDEN },
);

export async function createCheckInAction(prev: CheckInFormState, fd: FormData): Promise<CheckInFormState> {
  return toCheckInState(await createCheckInStep({ n: typeof prev?.n === "number" ? prev.n : 0, ok: false, fieldErrors: {} }, fd), fd);
}

const updateCheckInStep = action(
  "checkins.write",
  editMeta,
  async (meta, { actor, form }) => {
    const v = validate(form);
    if (!v.parsed) return v.failure;
    let result;
    try {
      result = await updateCheckIn(await getDb(), actor, meta.checkInId, meta.version, v.parsed.fields, { notesInternal: v.parsed.notesInternal });
    } catch (err) {
      if (err instanceof StaleVersionError) return fail({}, "conflict");
      throw err;
    }
    if (!result) notFound();
    const clientId = result.checkIn.clientId;
    revalidatePath(`/clients/${clientId}`);
    redirect(flash(clientId, "updated", result.stageBefore, result.stageAfter));
  },
  { notFoundOn: HIDDEN },
);

export async function updateCheckInAction(prev: CheckInFormState, fd: FormData): Promise<CheckInFormState> {
  return toCheckInState(await updateCheckInStep({ n: typeof prev?.n === "number" ? prev.n : 0, ok: false, fieldErrors: {} }, fd), fd);
}

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
