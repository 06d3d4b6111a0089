import type { Metadata } from "next";
import Link from "next/link";
import { otherLiveSessions } from "@/db/queries/sessions";
import { currentSessionId, forActor, requirePermission } from "@/lib/auth/actor";
import { Card, PageHeader, buttonClass } from "@/components/ui/primitives";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-policy";
import { PasswordForm } from "./PasswordForm";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

const hours = (ms: number) => Math.round(ms / 3_600_000);

export default async function SettingsPage() {
  const actor = await requirePermission("account.manage");
  const sessionId = await currentSessionId();
  const others = await forActor(actor, (db) => otherLiveSessions(db, actor, sessionId));
  return (
    <section>
      <PageHeader title="Settings" subtitle={<>Signed in as {actor.name} ({actor.email}).</>} />
      <Card title="Password">
        <PasswordForm />
      </Card>
      <Card title="Sessions" className="mt-4">
        <p className="text-sm text-slate-700" data-testid="other-sessions">
          {others === 0 ? "You are signed in only here." : `You are also signed in on ${others} other browser${others === 1 ? "" : "s"} or device${others === 1 ? "" : "s"}.`}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          A session ends after {hours(SESSION_IDLE_MS)} hours without use, and {hours(SESSION_ABSOLUTE_MS) / 24} days after signing in at the latest.
        </p>
        <form action={signOutEverywhereAction} className="mt-3">
          <button type="submit" className={buttonClass("secondary")}>Sign out everywhere</button>
        </form>
      </Card>
      <Card title="API tokens" className="mt-4">
        <p className="text-sm text-slate-700">
          <Link href="/settings/tokens" className="text-indigo-700 underline">Manage your API tokens</Link>
        </p>
      </Card>
    </section>
  );
}
