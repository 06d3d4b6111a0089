import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getTranslations } from "next-intl/server";
import { otherLiveSessions } from "@/db/queries/sessions";
import { firmTimeZone } from "@/db/queries/preferences";
import { currentSessionId, forActor, requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { Card, PageHeader, buttonClass } from "@/components/ui/primitives";
import { ThemeSwitch } from "@/components/ui/ThemeSwitch";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-policy";
import { timeZones } from "@/lib/time/zone";
import { PasswordForm } from "./PasswordForm";
import { FirmTimeZoneForm, PreferencesForm } from "./PreferencesForm";
import { setFirmTimeZoneAction, signOutEverywhereAction, updatePreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

const hours = (ms: number) => Math.round(ms / 3_600_000);

export default async function SettingsPage() {
  const actor = await requirePermission("account.manage");
  const t = await getTranslations("settings");
  const sessionId = await currentSessionId();
  const manager = can(actor, "team.manage");
  const [others, firmZone] = await forActor(actor, (db) => Promise.all([otherLiveSessions(db, actor, sessionId), manager ? firmTimeZone(db, actor) : null]));
  const zones = timeZones();
  return (
    <section className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("signedInAs", { name: actor.name, email: actor.email })} />
      <Card title={t("preferences.title")}>
        <PreferencesForm action={updatePreferencesAction} locale={actor.locale ?? null} timeZone={actor.timeZone ?? "UTC"} zones={zones} />
      </Card>
      {manager && firmZone ? (
        <Card title={t("firm.title")}>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("firm.hint")}</p>
          <FirmTimeZoneForm action={setFirmTimeZoneAction} timeZone={firmZone} zones={zones} />
        </Card>
      ) : null}
      <Card title={t("theme.title")}>
        <ThemeSwitch />
      </Card>
      <Card title={t("password.title")}>
        <PasswordForm />
      </Card>
      <Card title={t("sessions.title")}>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="other-sessions">
          {others === 0 ? t("sessions.onlyHere") : t("sessions.others", { count: others })}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("sessions.limits", { idleHours: hours(SESSION_IDLE_MS), days: hours(SESSION_ABSOLUTE_MS) / 24 })}</p>
        <form action={signOutEverywhereAction} className="mt-3">
          <button type="submit" className={buttonClass("secondary")}>{t("sessions.everywhere")}</button>
        </form>
      </Card>
      {can(actor, "tokens.manage") && actor.role !== "client" ? (
        <Card title={t("tokens.title")}>
          <p className="text-sm">
            <IntentLink href="/settings/tokens" className="text-indigo-700 underline dark:text-indigo-300">{t("tokens.link")}</IntentLink>
          </p>
        </Card>
      ) : null}
    </section>
  );
}
