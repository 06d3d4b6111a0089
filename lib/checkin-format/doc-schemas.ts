// Zod shapes of a record's JSON form, generated from the field definitions, for the API's
// OpenAPI document (lib/api/schemas.ts). Requests are still validated by the converter
// (checkInFieldsSchema); these describe exactly what it accepts: numbers as JSON numbers OR
// numeric strings, lists as arrays OR ";"-separated strings, enums in any case.
import { z } from "zod";
import { CHECKIN_FIELDS, CLIENT_FIELD, type FieldDef } from "./field-defs";
import { NUMBER_PATTERN } from "./values";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function dateSchema() {
  return z.string().regex(DATE_PATTERN).meta({ format: "date", example: "2026-03-02" });
}

function bounds(d: { min: number; max: number }, integer: boolean): string {
  return `${integer ? "A whole number" : "A number"} from ${d.min} to ${d.max}`;
}

/** The schema of one field as a request may send it (before null/optional). */
function inputOf(d: FieldDef): z.ZodType {
  switch (d.type) {
    case "date":
      return dateSchema().meta({ description: "A calendar date YYYY-MM-DD, not after today (UTC)." });
    case "email":
      return z.email().max(d.maxChars);
    case "text":
      return d.required ? z.string().min(1).max(d.maxChars) : z.string().max(d.maxChars);
    case "enum":
      return z.enum(d.values as [string, ...string[]]).meta({ description: "Case-insensitive." });
    case "list":
      return z
        .union([z.array(z.enum(d.values as [string, ...string[]])), z.string().meta({ description: `The same items separated by ";" (as in CSV).` })])
        .meta({ description: `A list of ${d.noun}s; repeated and empty items are dropped.` });
    case "int":
    case "number": {
      const integer = d.type === "int";
      const n = integer ? z.number().int().min(d.min).max(d.max) : z.number().min(d.min).max(d.max);
      return z
        .union([n, z.string().regex(NUMBER_PATTERN).meta({ description: "The same number written as a decimal string (\"12\", \"0.5\", \"1e3\")." })])
        .meta({ description: `${bounds(d, integer)}, as a JSON number or a numeric string.` });
    }
  }
}

function withPresence(d: FieldDef, s: z.ZodType): z.ZodType {
  if (d.required) return s;
  const def = d.type === "list" ? [] : (d.type === "enum" || d.type === "int" || d.type === "number") && d.default !== undefined ? d.default : null;
  return s.nullable().optional().meta({ default: def as never });
}

/** The input shape of a record's fields (no `client`), keyed by column. */
export function fieldsInputShape(): Record<string, z.ZodType> {
  return Object.fromEntries(CHECKIN_FIELDS.map((d) => [d.column, withPresence(d, inputOf(d))]));
}

/** The input schema of `client`. */
export function clientInputSchema(): z.ZodType {
  return inputOf(CLIENT_FIELD);
}

/** The schema of one field as the API returns it (defaults applied, null where not given). */
function outputOf(d: FieldDef): z.ZodType {
  let s: z.ZodType;
  switch (d.type) {
    case "date":
      s = dateSchema();
      break;
    case "email":
    case "text":
      s = z.string();
      break;
    case "enum":
      s = z.enum(d.values as [string, ...string[]]);
      break;
    case "list":
      return z.array(z.enum(d.values as [string, ...string[]]));
    case "int":
      s = z.number().int();
      break;
    case "number":
      s = z.number();
      break;
  }
  const hasDefault = (d.type === "enum" || d.type === "int" || d.type === "number") && d.default !== undefined;
  return d.required || hasDefault ? s : s.nullable();
}

/** The output shape of a record's fields, keyed by column. */
export function fieldsOutputShape(): Record<string, z.ZodType> {
  return Object.fromEntries(CHECKIN_FIELDS.map((d) => [d.column, outputOf(d)]));
}
