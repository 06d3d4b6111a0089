import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAudit } from "@/db/queries/audit";
import { listTeam } from "@/db/queries/users";
import { clientNamed } from "@/db/queries/clients";
import { ClientNameField } from "@/components/clients/ClientNameField";
import { ClientMessages } from "@/components/i18n/ClientMessages";
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
  // The client filter is a name (a firm may have thousands of clients: a list of them all made
  // this page 2.5 MB); `client` (an id) still works for links made before.
  const clientName = one(sp.clientName).trim();
  const userId = one(sp.user) || null;
  const page = Math.max(1, Number.parseInt(one(sp.page) || "1", 10) || 1);
  const [log, team, named] = await forActor(actor, async (db) => {
    const found = clientName ? await clientNamed(db, actor, clientName, { withArchived: true }) : null;
    // A name no client has lists nothing (and says so) rather than everything.
    const clientId = clientName ? (found?.id ?? null) : one(sp.client) || null;
    const log = clientName && !found ? { rows: [], page, hasMore: false } : await listAudit(db, actor, { clientId, userId, page });
    return [log, await listTeam(db, actor), found] as const;
  });
  const rows = log?.rows ?? [];
  const unknownClient = clientName !== "" && !named;
  const q = (p: number) => {
    const s = new URLSearchParams();
    if (clientName) s.set("clientName", clientName);
    else if (one(sp.client)) s.set("client", one(sp.client));
    if (userId) s.set("user", userId);
    s.set("page", String(p));
    return `/audit?${s}`;
  };
  return (
    <section>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" action="/audit" aria-label={t("filters")} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex sm:flex-wrap sm:items-end dark:border-slate-700 dark:bg-slate-900">
        <ClientMessages namespaces={["clients.picker"]}>
          <ClientNameField
            id="audit-client"
            name="clientName"
            label={t("client")}
            error={unknownClient ? t("noSuchClient", { name: clientName }) : null}
            className="min-w-0 sm:w-56"
            defaultValue={clientName}
          />
        </ClientMessages>
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
