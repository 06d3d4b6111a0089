import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { portfolioClients, type Drill } from "@/db/queries/portfolio";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { PageHeader, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { filterQuery, filtersFrom, type SearchParams } from "../filters";
import { todayFor } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Portfolio clients" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function drillFrom(sp: SearchParams): Drill | null {
  const int = (k: string) => (/^[1-6]$/.test(one(sp[k])) ? Number(one(sp[k])) : undefined);
  const consultant = one(sp.byConsultant);
  if (one(sp.flowFrom) && one(sp.flowTo)) {
    const from = int("flowFrom"), to = int("flowTo");
    return from && to ? { kind: "flow", from, to } : null;
  }
  if (one(sp.spell)) return int("spell") ? { kind: "spell", stage: int("spell")! } : null;
  if (one(sp.month)) return int("stage") ? { kind: "month", month: one(sp.month), stage: int("stage")! } : null;
  if (consultant) return { kind: "consultant", consultantId: consultant === "none" ? null : consultant, stage: int("stage") };
  if (one(sp.stage)) return int("stage") ? { kind: "stage", stage: int("stage")! } : null;
  return { kind: "all" };
}

function describe(d: Drill): string {
  switch (d.kind) {
    case "stage": return `In stage ${d.stage} now`;
    case "month": return `In stage ${d.stage} at the end of ${d.month}`;
    case "flow": return `Moved from stage ${d.from} to stage ${d.to}`;
    case "spell": return `Left stage ${d.stage} in the range`;
    case "consultant": return d.stage ? `Consultant's clients in stage ${d.stage}` : "Consultant's clients";
    case "all": return "All clients";
  }
}

export default async function PortfolioClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const sp = await searchParams;
  const today = todayFor(actor);
  const filters = filtersFrom(sp, today);
  const drill = drillFrom(sp);
  if (!drill) notFound();
  // A consultant drill narrows the list to that consultant; the portfolio filter stays as it was.
  const rows = await forActor(actor, (db) => portfolioClients(db, actor, drill.kind === "consultant" ? { ...filters, consultantId: null } : filters, drill));
  if (!rows) notFound();
  return (
    <section>
      <PageHeader title={describe(drill)} subtitle={`${rows.length} clients · ${filters.from} to ${filters.to}`} actions={<Link href={`/portfolio?${filterQuery(filters)}`} className="text-sm text-indigo-700 hover:underline">← Back to the portfolio</Link>} />
      <table className={tableClass} aria-label="Clients">
        <thead>
          <tr><th className={thClass}>Client</th><th className={thClass}>Industry</th><th className={thClass}>Consultant</th><th className={thClass}>Stage now</th><th className={thClass}>Last check-in</th></tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td className={tdClass}><Link href={`/clients/${c.id}`} className="text-indigo-700 hover:underline">{c.name}</Link></td>
              <td className={tdClass}>{c.industry ?? "—"}</td>
              <td className={tdClass}>{c.consultantName ?? "Unassigned"}</td>
              <td className={tdClass}><StageBadge stage={c.stage} compact /></td>
              <td className={tdClass}>{c.lastCheckIn ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
