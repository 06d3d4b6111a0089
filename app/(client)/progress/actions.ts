"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { recordSelfAssessment } from "@/db/queries/self-assessments";
import { requirePermission } from "@/lib/auth/actor";

export interface SelfAssessState {
  ok?: boolean;
  error?: "stage" | "note";
}

const input = z.object({
  stage: z.coerce.number().int().min(1).max(6),
  note: z.string().trim().max(2000).optional(),
});

export async function selfAssessAction(_prev: SelfAssessState, form: FormData): Promise<SelfAssessState> {
  const actor = await requirePermission("self-assessment.write");
  const parsed = input.safeParse({ stage: form.get("stage"), note: form.get("note") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues[0]?.path[0] === "note" ? "note" : "stage" };
  const row = await recordSelfAssessment(await getDb(), actor, { stage: parsed.data.stage, note: parsed.data.note || null });
  if (!row) notFound();
  revalidatePath("/progress");
  return { ok: true };
}
