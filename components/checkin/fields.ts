// The check-in form's words live in the messages (checkin.fields, checkin.options, checkin.errors);
// this module only knows which numbers those messages name and which error kinds there are.
import { FIELD_BY_COLUMN, type FieldColumn } from "@/lib/checkin-format/field-defs";
import type { CheckInErrorKind, CheckInFormField } from "@/lib/validation/checkin-form";

export const ERROR_KINDS: readonly CheckInErrorKind[] = [
  "required", "notNumber", "notWhole", "negative", "tooLarge", "badDate", "future", "badChoice", "badEmail", "tooLong", "invalid",
];

/** The error kind an action answered with; anything else (an older or foreign message) is "invalid". */
export function errorKindOf(code: string | undefined): CheckInErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(code ?? "") ? (code as CheckInErrorKind) : "invalid";
}

/** The bound a field's help and error messages name as {max}: a number's maximum, a text's length (0 when none). */
export function fieldMax(f: CheckInFormField): number {
  const d = FIELD_BY_COLUMN[f as FieldColumn] as (typeof FIELD_BY_COLUMN)[FieldColumn] | undefined;
  if (!d) return 0;
  if ("max" in d) return d.max;
  if ("maxChars" in d) return d.maxChars;
  return 0;
}
