import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listClients, type ClientRow } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";
import { StageBadge } from "@/components/stage/StageBadge";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  const actor = await requirePermission("portfolio.read");
  const rows = await listClients(await getDb(), actor);
  const byConsultant = new Map<string, ClientRow[]>();
  for (const r of rows) {
    const key = r.consultantName ?? "Unassigned";
    byConsultant.set(key, [...(byConsultant.get(key) ?? []), r]);
  }
  return (
    <section>
      <h1 className="text-2xl font-semibold">Portfolio</h1>
      <p className="text-sm text-slate-600">{rows.length} clients, grouped by lead consultant.</p>
      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">No clients yet. Invite a consultant and create clients to get started.</p>
      ) : null}
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        {[...byConsultant.entries()].map(([name, list]) => (
          <div key={name} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{name} <span className="font-normal text-slate-500">· {list.length} clients</span></h2>
            <ul className="mt-2 space-y-1 text-sm">
              {list.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-2">
                  <Link href={`/clients/${c.id}`} className="text-indigo-700 hover:underline">{c.name}</Link>
                  <StageBadge stage={c.stage} compact />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
