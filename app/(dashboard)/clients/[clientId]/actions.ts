"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createCheckIn, deleteCheckIn, StaleVersionError, updateCheckIn } from "@/db/queries/checkins";
import { createOverride, withdrawOverride } from "@/db/queries/overrides";
import { requirePermission } from "@/lib/auth/actor";
import { parseCheckInValues, valuesFromFormData, type CheckInFormField, type CheckInFormValues } from "@/lib/validation/checkin-form";
import { overrideInputSchema } from "@/lib/validation/override";

export interface CheckInFormState {
  /** Bumped on every answer, so the form re-mounts with the submitted values. */
  n: number;
  values?: CheckInFormValues;
  errors?: Partial<Record<CheckInFormField, string>>;
  /** Someone else saved this check-in since the form was opened. */
  conflict?: boolean;
}

const INT32_MAX = 2_147_483_647;
const createMeta = z.object({ clientId: z.uuid(), idempotencyKey: z.uuid() });
const editMeta = z.object({ clientId: z.uuid(), checkInId: z.uuid(), version: z.coerce.number().int().min(1) });

function flash(clientId: string, saved: string, from: number | null, to: number | null): string {
  const q = new URLSearchParams({ saved });
  if (from !== null) q.set("from", String(from));
  if (to !== null) q.set("to", String(to));
  return `/clients/${clientId}?${q}`;
}

function validate(fd: FormData, prev: CheckInFormState) {
  const values = valuesFromFormData(fd);
  const parsed = parseCheckInValues(values);
  if (parsed.ok && parsed.fields.followers !== null && parsed.fields.followers > INT32_MAX) {
    return { values, state: { n: prev.n + 1, values, errors: { followers: `expected a whole number up to ${INT32_MAX}` } } as CheckInFormState };
  }
  if (!parsed.ok) return { values, state: { n: prev.n + 1, values, errors: parsed.errors } as CheckInFormState };
  return { values, parsed };
}

export async function createCheckInAction(prev: CheckInFormState, fd: FormData): Promise<CheckInFormState> {
  const actor = await requirePermission("checkins.write");
  const meta = createMeta.safeParse({ clientId: fd.get("clientId"), idempotencyKey: fd.get("idempotencyKey") });
  if (!meta.success) notFound();
  const v = validate(fd, prev);
  if (!v.parsed) return v.state!;
  const result = await createCheckIn(await getDb(), actor, meta.data.clientId, v.parsed.fields, {
    idempotencyKey: meta.data.idempotencyKey,
    notesInternal: v.parsed.notesInternal,
  });
  if (!result) notFound();
  revalidatePath(`/clients/${meta.data.clientId}`);
  redirect(flash(meta.data.clientId, "created", result.duplicate ? null : result.stageBefore, result.stageAfter));
}

export async function updateCheckInAction(prev: CheckInFormState, fd: FormData): Promise<CheckInFormState> {
  const actor = await requirePermission("checkins.write");
  const meta = editMeta.safeParse({ clientId: fd.get("clientId"), checkInId: fd.get("checkInId"), version: fd.get("version") });
  if (!meta.success) notFound();
  const v = validate(fd, prev);
  if (!v.parsed) return v.state!;
  let result;
  try {
    result = await updateCheckIn(await getDb(), actor, meta.data.checkInId, meta.data.version, v.parsed.fields, { notesInternal: v.parsed.notesInternal });
  } catch (err) {
    if (err instanceof StaleVersionError) return { n: prev.n + 1, values: v.values, conflict: true };
    throw err;
  }
  if (!result) notFound();
  const clientId = result.checkIn.clientId;
  revalidatePath(`/clients/${clientId}`);
  redirect(flash(clientId, "updated", result.stageBefore, result.stageAfter));
}

export async function deleteCheckInAction(fd: FormData): Promise<void> {
  const actor = await requirePermission("checkins.write");
  const meta = editMeta.safeParse({ clientId: fd.get("clientId"), checkInId: fd.get("checkInId"), version: fd.get("version") });
  if (!meta.success) notFound();
  let result;
  try {
    result = await deleteCheckIn(await getDb(), actor, meta.data.checkInId, meta.data.version);
  } catch (err) {
    if (err instanceof StaleVersionError) redirect(`/clients/${meta.data.clientId}/checkins/${meta.data.checkInId}/delete?stale=1`);
    throw err;
  }
  if (!result) notFound();
  revalidatePath(`/clients/${result.clientId}`);
  redirect(flash(result.clientId, "deleted", result.stageBefore, result.stageAfter));
}

export interface OverrideFormState {
  n: number;
  values?: { stage: string; reason: string; internal: boolean; effectiveDate: string };
  errors?: Partial<Record<"stage" | "reason" | "effectiveDate", string>>;
}

export async function createOverrideAction(prev: OverrideFormState, fd: FormData): Promise<OverrideFormState> {
  const actor = await requirePermission("overrides.write");
  const clientId = z.uuid().safeParse(fd.get("clientId"));
  if (!clientId.success) notFound();
  const values = {
    stage: String(fd.get("stage") ?? ""),
    reason: String(fd.get("reason") ?? ""),
    internal: fd.get("internal") === "on",
    effectiveDate: String(fd.get("effectiveDate") ?? ""),
  };
  const parsed = overrideInputSchema.safeParse({ ...values, stage: values.stage === "" ? undefined : values.stage });
  if (!parsed.success) {
    const errors: OverrideFormState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as "stage" | "reason" | "effectiveDate";
      errors[key] ??= key === "stage" ? "expected a stage from 1 to 6" : issue.message;
    }
    return { n: prev.n + 1, values, errors };
  }
  const row = await createOverride(await getDb(), actor, clientId.data, parsed.data);
  if (!row) notFound();
  revalidatePath(`/clients/${clientId.data}`);
  redirect(flash(clientId.data, "override", null, null));
}

export async function withdrawOverrideAction(fd: FormData): Promise<void> {
  const actor = await requirePermission("overrides.write");
  const ids = z.object({ clientId: z.uuid(), overrideId: z.uuid() }).safeParse({ clientId: fd.get("clientId"), overrideId: fd.get("overrideId") });
  if (!ids.success) notFound();
  const row = await withdrawOverride(await getDb(), actor, ids.data.overrideId);
  if (!row) notFound();
  revalidatePath(`/clients/${row.clientId}`);
  redirect(flash(row.clientId, "withdrawn", null, null));
}
