import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listClients } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";
import { StageBadge } from "@/components/stage/StageBadge";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage() {
  const actor = await requirePermission("clients.list");
  const rows = await listClients(await getDb(), actor);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{actor.role === "manager" ? "All clients" : "Your clients"}</h1>
      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No clients yet. A manager can assign clients to you, or you can import check-ins from a spreadsheet.
        </p>
      ) : (
        <table className="mt-4 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th className="p-2 font-medium">Client</th>
              <th className="p-2 font-medium">Stage</th>
              <th className="p-2 font-medium">Last check-in</th>
              {actor.role === "manager" ? <th className="p-2 font-medium">Consultant</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="p-2"><Link href={`/clients/${c.id}`} className="text-indigo-700 hover:underline">{c.name}</Link></td>
                <td className="p-2"><StageBadge stage={c.stage} /></td>
                <td className="p-2">{c.lastCheckIn ?? "never"}</td>
                {actor.role === "manager" ? <td className="p-2">{c.consultantName ?? "unassigned"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
