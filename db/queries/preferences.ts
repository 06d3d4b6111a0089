import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../index";
import { firms, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { isLocale, type Locale } from "../../lib/i18n/locales";
import { isTimeZone } from "../../lib/time/zone";
import { writeAudit } from "./audit";

// A user's language and time zone, and the firm's default zone. Applied from the next request:
// the actor is read from the database on every request.

export type PreferencesResult = { ok: true } | { ok: false; field: "locale" | "timeZone" };

export async function updatePreferences(db: Db, actor: Actor, input: { locale: string; timeZone: string }): Promise<PreferencesResult | null> {
  if (!can(actor, "account.manage")) return null;
  if (!isLocale(input.locale)) return { ok: false, field: "locale" };
  if (!isTimeZone(input.timeZone)) return { ok: false, field: "timeZone" };
  await db.update(users).set({ locale: input.locale as Locale, timeZone: input.timeZone, updatedAt: new Date() }).where(eq(users.id, actor.id));
  return { ok: true };
}

/** The zone a new user's browser reports, kept only if they have none yet (sign-in, accepting a link). */
export async function adoptBrowserTimeZone(db: Db, userId: string, timeZone: unknown): Promise<void> {
  if (!isTimeZone(timeZone)) return;
  await db.update(users).set({ timeZone }).where(and(eq(users.id, userId), isNull(users.timeZone)));
}

export async function firmTimeZone(db: Db, actor: Actor): Promise<string | null> {
  const [f] = await db.select({ timeZone: firms.timeZone }).from(firms).where(eq(firms.id, actor.firmId)).limit(1);
  return f?.timeZone ?? null;
}

/** A manager sets the firm's default zone, used by everyone who has not chosen their own. */
export async function setFirmTimeZone(db: Db, actor: Actor, timeZone: string): Promise<boolean | null> {
  if (!can(actor, "team.manage")) return null;
  if (!isTimeZone(timeZone)) return false;
  const [before] = await db.select({ timeZone: firms.timeZone }).from(firms).where(eq(firms.id, actor.firmId)).limit(1);
  await db.update(firms).set({ timeZone }).where(eq(firms.id, actor.firmId));
  await writeAudit(db, actor, { action: "firm.time-zone", entityType: "firm", entityId: actor.firmId, before: { timeZone: before?.timeZone ?? null }, after: { timeZone } });
  return true;
}
