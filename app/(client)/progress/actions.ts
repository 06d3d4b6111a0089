"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { recordSelfAssessment } from "@/db/queries/self-assessments";
import { action, ok } from "@/lib/auth/action";
import { stageInputSchema } from "@/lib/validation/primitives";

const input = z.object({
  stage: stageInputSchema,
  note: z.string().trim().max(2000, "Keep it under 2000 characters.").optional(),
});

export const selfAssessAction = action("self-assessment.write", input, async ({ stage, note }, { actor }) => {
  const row = await recordSelfAssessment(await getDb(), actor, { stage, note: note || null });
  if (!row) notFound();
  revalidatePath("/progress");
  return ok();
});
