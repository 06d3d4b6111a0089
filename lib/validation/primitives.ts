// Small checks used all over the app, written once: calendar dates, the day of a Date, stages
// and UUIDs. Plain functions for hot paths (the format converter), zod schemas for the rest.
// No imports beyond zod and the stage type: this runs in the browser and in the stages CLI.
import { z } from "zod";
import type { Stage } from "../stages/types";

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** True for a real calendar date written YYYY-MM-DD (years 1000-9999). No regex, no Date: the converter's hot path. */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** The UTC day of a moment as YYYY-MM-DD (today when not given). */
export function isoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const DATE_MESSAGE = "expected a date YYYY-MM-DD";

/** A calendar date YYYY-MM-DD, documented as `format: date`. */
export const calendarDateSchema = z.string().refine(isCalendarDate, DATE_MESSAGE).meta({ format: "date", example: "2026-03-02" });

export const STAGES = [1, 2, 3, 4, 5, 6] as const satisfies readonly Stage[];
export const STAGE_MESSAGE = "expected a stage from 1 to 6";

export function isStage(n: unknown): n is Stage {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 6;
}

/** A stage 1-6 as a JSON number. */
export const stageSchema = z.number().int(STAGE_MESSAGE).min(1, STAGE_MESSAGE).max(6, STAGE_MESSAGE);
/** A stage 1-6 from a form field or query parameter (a numeric string). */
export const stageInputSchema = z.coerce.number().int(STAGE_MESSAGE).min(1, STAGE_MESSAGE).max(6, STAGE_MESSAGE);

/** Any RFC 4122-shaped UUID, case-insensitive (ids in paths and forms). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: unknown): s is string {
  return typeof s === "string" && UUID_RE.test(s);
}

export const uuidSchema = z.string().regex(UUID_RE, "expected an id (UUID)").meta({ format: "uuid" });

// PostgreSQL refuses NUL in text and cannot encode a lone UTF-16 surrogate as UTF-8: such text
// must be turned away at the field it came in, not fail the insert with a 500.
const SUSPECT = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored, or null when it can. */
export function unstorableText(s: string): string | null {
  if (!SUSPECT.test(s)) return null;
  if (s.includes("\u0000")) return "contains a NUL character (\\u0000), which text cannot hold";
  return LONE_SURROGATE.test(s) ? "contains a broken character (a lone UTF-16 surrogate)" : null;
}

/** A zod refinement for any free text: refuses what unstorableText refuses. */
export const storableText = z.string().superRefine((s, ctx) => {
  const problem = unstorableText(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
