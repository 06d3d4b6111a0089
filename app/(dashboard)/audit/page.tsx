import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAudit } from "@/db/queries/audit";
import { listTeam } from "@/db/queries/users";
import { listAssignments } from "@/db/queries/team";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { formatStamp } from "@/lib/i18n/format";
import { buttonClass, inputClass, linkClass, mutedClass, PageHeader, ScrollRegion, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { oneParam as one, type SearchParams as SP } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

function summary(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  const actor = await requirePermission("audit.read");
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const sp = await searchParams;
  const clientId = one(sp.client) || null;
  const userId = one(sp.user) || null;
  const page = Math.max(1, Number.parseInt(one(sp.page) || "1", 10) || 1);
  const [log, team, clientRows] = await forActor(actor, (db) => Promise.all([listAudit(db, actor, { clientId, userId, page }), listTeam(db, actor), listAssignments(db, actor)]));
  const rows = log?.rows ?? [];
  const q = (p: number) => {
    const s = new URLSearchParams();
    if (clientId) s.set("client", clientId);
    if (userId) s.set("user", userId);
    s.set("page", String(p));
    return `/audit?${s}`;
  };
  return (
    <section>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" action="/audit" aria-label={t("filters")} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex sm:flex-wrap sm:items-end dark:border-slate-700 dark:bg-slate-900">
        <label className="min-w-0 sm:w-56">
          {t("client")}
          <select name="client" aria-label={t("client")} defaultValue={clientId ?? ""} className={inputClass}>
            <option value="">{t("allClients")}</option>
            {(clientRows ?? []).map((c) => <option key={c.clientId} value={c.clientId}>{c.clientName}</option>)}
          </select>
        </label>
        <label className="min-w-0 sm:w-72">
          {t("user")}
          <select name="user" aria-label={t("user")} defaultValue={userId ?? ""} className={inputClass}>
            <option value="">{t("allUsers")}</option>
            {(team ?? []).map((u) => <option key={u.id} value={u.id}>{t("userOption", { name: u.name, email: u.email })}</option>)}
          </select>
        </label>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
          <a href="/audit" className={buttonClass("secondary")}>{t("reset")}</a>
        </div>
      </form>
      <p className={`mb-2 text-sm ${mutedClass}`}>{t("zone", { zone: actor.timeZone ?? "UTC" })}</p>
      <ScrollRegion label={t("region")}>
        <table className={tableClass} aria-label={t("table")}>
          <thead>
            <tr>
              <th className={thClass}>{t("when")}</th>
              <th className={thClass}>{t("who")}</th>
              <th className={thClass}>{t("what")}</th>
              <th className={thClass}>{t("client")}</th>
              <th className={thClass}>{t("before")}</th>
              <th className={thClass}>{t("after")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={`${tdClass} min-w-32`}><time dateTime={r.at}>{formatStamp(format, r.at)}</time></td>
                <td className={tdClass}>{r.actorName ?? "—"}</td>
                <td className={tdClass}><code className="text-xs">{r.action}</code> <span className={`text-xs ${mutedClass}`}>{r.entityType}</span></td>
                <td className={tdClass}>{r.clientId ? <RowLink href={`/clients/${r.clientId}`} className={linkClass}>{r.clientName}</RowLink> : "—"}</td>
                <td className={`${tdClass} max-w-64 min-w-40 break-all font-mono text-xs ${mutedClass}`}>{summary(r.before)}</td>
                <td className={`${tdClass} max-w-64 min-w-40 break-all font-mono text-xs ${mutedClass}`}>{summary(r.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {rows.length === 0 ? <p className={`mt-3 text-sm ${mutedClass}`}>{t("none")}</p> : null}
      <nav aria-label={t("pages")} className="mt-3 flex flex-wrap gap-3 text-sm">
        {page > 1 ? <IntentLink href={q(page - 1)} className={linkClass}>{t("newer")}</IntentLink> : null}
        <span className={mutedClass}>{t("page", { page })}</span>
        {log?.hasMore ? <IntentLink href={q(page + 1)} className={linkClass}>{t("older")}</IntentLink> : null}
      </nav>
    </section>
  );
}
