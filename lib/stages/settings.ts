// The thresholds a firm may tune (issue #13, "Rules a firm can tune"). The defaults are the
// engine's own rules (README.md, rules.ts); bounds keep a firm's rules within what the model
// can still call the same six stages. Errors are codes: the app and the CLI word them.

export interface StageSettings {
  /** Accounts younger than this many days are "new" (stage 2); older without a routine is stage 3. */
  trialDays: number;
  /** Posts in the last 30 days that count as a consistent (about weekly) rhythm. */
  routineMinPosts: number;
  /** Share of automatic posts (0-1) from which "a large share is automatic". */
  highAutomation: number;
  /** Answering mentions within this many hours counts as fast. */
  fastResponseHours: number;
  /** Check-ins in a row below the stage before it drops (1 = at once). */
  confirmBackCheckIns: number;
}

export type SettingKey = keyof StageSettings;

export const SETTING_KEYS: readonly SettingKey[] = ["trialDays", "routineMinPosts", "highAutomation", "fastResponseHours", "confirmBackCheckIns"];

export const DEFAULT_SETTINGS: Readonly<StageSettings> = Object.freeze({
  trialDays: 90,
  routineMinPosts: 4,
  highAutomation: 0.5,
  fastResponseHours: 24,
  confirmBackCheckIns: 2,
});

export interface SettingBounds {
  min: number;
  max: number;
  /** The input's step: whole numbers, or hundredths for a share. */
  step: number;
  integer: boolean;
}

// Why these bounds: a trial shorter than two weeks or longer than a year is no longer "weeks to a
// couple of months"; posting more than daily is not a minimum; a share outside 10-90% makes
// "large share automatic" meaningless; a week is the slowest answer that can still be "fast";
// more than five check-ins in a row would hide a real regression for the best part of a year.
export const SETTING_BOUNDS: Readonly<Record<SettingKey, SettingBounds>> = Object.freeze({
  trialDays: { min: 14, max: 365, step: 1, integer: true },
  routineMinPosts: { min: 1, max: 30, step: 1, integer: true },
  highAutomation: { min: 0.1, max: 0.9, step: 0.01, integer: false },
  fastResponseHours: { min: 1, max: 168, step: 1, integer: true },
  confirmBackCheckIns: { min: 1, max: 5, step: 1, integer: true },
});

/** Largest confirmBackCheckIns: the engine keeps this many recent raw stages. */
export const MAX_CONFIRM_BACK = SETTING_BOUNDS.confirmBackCheckIns.max;

export type SettingsErrorCode = "notObject" | "unknownField" | "notNumber" | "notInteger" | "tooSmall" | "tooLarge";

export interface SettingsError {
  /** The setting's key; "" for the input as a whole. */
  field: SettingKey | "";
  code: SettingsErrorCode;
}

export type ParsedSettings = { ok: true; settings: StageSettings } | { ok: false; errors: SettingsError[] };

function isKey(k: string): k is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(k);
}

/** A number from a JSON number or a form's text ("", null and undefined: not given). */
function numberOf(v: unknown): number | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
  }
  return null;
}

/**
 * Validates settings from anywhere (a form, a stored row, a --rules file). A setting not given
 * takes its default, so rules saved before a setting existed still read; an unknown key is an
 * error (most likely a typo that would otherwise be silently ignored).
 */
export function parseSettings(input: unknown): ParsedSettings {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return { ok: false, errors: [{ field: "", code: "notObject" }] };
  const errors: SettingsError[] = [];
  const out: StageSettings = { ...DEFAULT_SETTINGS };
  for (const k of Object.keys(input)) if (!isKey(k)) errors.push({ field: "", code: "unknownField" });
  for (const key of SETTING_KEYS) {
    const n = numberOf((input as Record<string, unknown>)[key]);
    if (n === undefined) continue;
    const b = SETTING_BOUNDS[key];
    if (n === null) errors.push({ field: key, code: "notNumber" });
    else if (b.integer && !Number.isInteger(n)) errors.push({ field: key, code: "notInteger" });
    else if (n < b.min) errors.push({ field: key, code: "tooSmall" });
    else if (n > b.max) errors.push({ field: key, code: "tooLarge" });
    else out[key] = n;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: out };
}

/** The unknown keys of an input, for an error message that names them. */
export function unknownKeys(input: unknown): string[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return [];
  return Object.keys(input).filter((k) => !isKey(k));
}

export function sameSettings(a: StageSettings, b: StageSettings): boolean {
  return SETTING_KEYS.every((k) => a[k] === b[k]);
}

export function isDefaultSettings(s: StageSettings): boolean {
  return sameSettings(s, DEFAULT_SETTINGS);
}
