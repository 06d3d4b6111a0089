// Dates in the user's language. A calendar date (YYYY-MM-DD, a check-in's date) is a day, not an
// instant: it is formatted in UTC so no time zone can move it to the day before or after.
// Instants (created_at, audit times) use the user's zone, which next-intl is configured with.

type DateTimeFormatter = { dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions | string): string };

export const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
export const DAY_LONG: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
export const MONTH: Intl.DateTimeFormatOptions = { month: "short", year: "numeric" };
/** An instant with its time and zone; next-intl adds the user's zone. */
export const STAMP: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };

/** A YYYY-MM-DD calendar date, e.g. "9 Mar 2026" or "৯ মার্চ, ২০২৬". */
export function formatDay(format: DateTimeFormatter, iso: string, options: Intl.DateTimeFormatOptions = DAY): string {
  return format.dateTime(new Date(`${iso.slice(0, 10)}T00:00:00Z`), { ...options, timeZone: "UTC" });
}

/** A YYYY-MM (or YYYY-MM-DD) month, e.g. "Mar 2026". */
export function formatMonth(format: DateTimeFormatter, iso: string): string {
  return format.dateTime(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`), { ...MONTH, timeZone: "UTC" });
}

/** The day of an instant (a link's or a token's expiry) in the user's zone, e.g. "9 Mar 2026". */
export function formatInstantDay(format: DateTimeFormatter, at: Date): string {
  return format.dateTime(at, DAY);
}

/** An instant in the user's zone, with the zone's name: "9 Mar 2026, 17:05 GMT+6". */
export function formatStamp(format: DateTimeFormatter, at: Date | string): string {
  return format.dateTime(typeof at === "string" ? new Date(at) : at, STAMP);
}
