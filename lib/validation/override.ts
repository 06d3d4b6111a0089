// Input of the override form and action: the stage the consultant judges, and why.
import { z } from "zod";
import { DATE_MESSAGE, isCalendarDate, stageInputSchema } from "./primitives";

export const OVERRIDE_REASON_MAX = 2000;

export const overrideInputSchema = z.object({
  stage: stageInputSchema,
  reason: z
    .string()
    .trim()
    .min(1, "required: say why the stage differs from the inference")
    .max(OVERRIDE_REASON_MAX, `expected at most ${OVERRIDE_REASON_MAX} characters`),
  internal: z.boolean().default(false),
  effectiveDate: z
    .string()
    // Not after the author's own today: checked where the author is known (overrideDateProblem).
    .refine(isCalendarDate, DATE_MESSAGE),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;

/** An override may not start after its author's today (their local date). */
export function overrideDateProblem(effectiveDate: string, today: string): string | null {
  return effectiveDate > today ? "the date is in the future" : null;
}
