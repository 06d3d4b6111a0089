"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { recordSelfAssessment } from "@/db/queries/self-assessments";
import { action, ok } from "@/lib/auth/action";

const input = z.object({
  stage: z.coerce.number("Choose one of the six stages.").int("Choose one of the six stages.").min(1, "Choose one of the six stages.").max(6, "Choose one of the six stages."),
  note: z.string().trim().max(2000, "Keep it under 2000 characters.").optional(),
});

export const selfAssessAction = action("self-assessment.write", input, async ({ stage, note }, { actor }) => {
  const row = await recordSelfAssessment(await getDb(), actor, { stage, note: note || null });
  if (!row) notFound();
  revalidatePath("/progress");
  return ok();
});
