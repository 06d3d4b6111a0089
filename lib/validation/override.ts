// Input of the override form and action: the stage the consultant judges, and why.
import { z } from "zod";
import { isCalendarDate, isoDay } from "../checkin-format/values";

export const OVERRIDE_REASON_MAX = 2000;

export const overrideInputSchema = z.object({
  stage: z.coerce.number().int("expected a stage from 1 to 6").min(1, "expected a stage from 1 to 6").max(6, "expected a stage from 1 to 6"),
  reason: z
    .string()
    .trim()
    .min(1, "required: say why the stage differs from the inference")
    .max(OVERRIDE_REASON_MAX, `expected at most ${OVERRIDE_REASON_MAX} characters`),
  internal: z.boolean().default(false),
  effectiveDate: z
    .string()
    .refine(isCalendarDate, "expected a date YYYY-MM-DD")
    .refine((d) => d <= isoDay(), "the date is in the future"),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;
