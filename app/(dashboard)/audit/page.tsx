import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/db/queries/audit";
import { listTeam } from "@/db/queries/users";
import { listAssignments } from "@/db/queries/team";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { buttonClass, inputClass, PageHeader, tableClass, tdClass, thClass } from "@/components/ui/primitives";

export const metadata: Metadata = { title: "Audit log" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function summary(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  const actor = await requirePermission("audit.read");
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
      <PageHeader title="Audit log" subtitle="Who changed what, and when. Newest first." />
      <form method="get" action="/audit" aria-label="Audit filters" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <label className="min-w-48">
          Client
          <select name="client" aria-label="Client" defaultValue={clientId ?? ""} className={inputClass}>
            <option value="">All clients</option>
            {(clientRows ?? []).map((c) => <option key={c.clientId} value={c.clientId}>{c.clientName}</option>)}
          </select>
        </label>
        <label className="min-w-48">
          User
          <select name="user" aria-label="User" defaultValue={userId ?? ""} className={inputClass}>
            <option value="">All users</option>
            {(team ?? []).map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>Apply</button>
        <a href="/audit" className={buttonClass("secondary")}>Reset</a>
      </form>
      <div className="overflow-x-auto">
        <table className={tableClass} aria-label="Audit entries">
          <thead>
            <tr><th className={thClass}>When</th><th className={thClass}>Who</th><th className={thClass}>What</th><th className={thClass}>Client</th><th className={thClass}>Before</th><th className={thClass}>After</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={`${tdClass} whitespace-nowrap`}><time dateTime={r.at}>{r.at.slice(0, 16).replace("T", " ")}</time></td>
                <td className={tdClass}>{r.actorName ?? "—"}</td>
                <td className={tdClass}><code className="text-xs">{r.action}</code> <span className="text-xs text-slate-500">{r.entityType}</span></td>
                <td className={tdClass}>{r.clientId ? <Link href={`/clients/${r.clientId}`} className="text-indigo-700 hover:underline">{r.clientName}</Link> : "—"}</td>
                <td className={`${tdClass} max-w-64 break-all font-mono text-xs text-slate-600`}>{summary(r.before)}</td>
                <td className={`${tdClass} max-w-64 break-all font-mono text-xs text-slate-600`}>{summary(r.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="mt-3 text-sm text-slate-600">No entries match.</p> : null}
      <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
        {page > 1 ? <Link href={q(page - 1)} className="text-indigo-700 hover:underline">← Newer</Link> : null}
        <span className="text-slate-500">Page {page}</span>
        {log?.hasMore ? <Link href={q(page + 1)} className="text-indigo-700 hover:underline">Older →</Link> : null}
      </nav>
    </section>
  );
}
