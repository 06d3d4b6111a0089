// Input of the override form and action: the stage the consultant judges, and why.
import { z } from "zod";
import { DATE_MESSAGE, isCalendarDate, isoDay, stageInputSchema } from "./primitives";

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
    .refine(isCalendarDate, DATE_MESSAGE)
    .refine((d) => d <= isoDay(), "the date is in the future"),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;
