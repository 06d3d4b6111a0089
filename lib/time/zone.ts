// "Today" is the user's local date, never the server's or UTC's. A user's zone is their own
// setting, else their firm's (the demo firm uses Asia/Dhaka), else UTC.

export const DEFAULT_TIME_ZONE = "UTC";

/** Every IANA zone this runtime knows, for the settings form. */
export function timeZones(): string[] {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return list.includes("UTC") ? list : ["UTC", ...list];
}

/** Whether `tz` is an IANA zone name this runtime can use. */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) in `timeZone` at `now`. */
export function dayIn(timeZone: string, now: Date = new Date()): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today for someone with this zone (an actor: its resolved zone). */
export function todayFor(who: { timeZone?: string | null } | null | undefined, now: Date = new Date()): string {
  return dayIn(who?.timeZone || DEFAULT_TIME_ZONE, now);
}
