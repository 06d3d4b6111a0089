import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getClient } from "@/db/queries/clients";
import { listCheckInsWithStages } from "@/db/queries/checkins";
import { requirePermission } from "@/lib/auth/actor";
import { StageBadge } from "@/components/stage/StageBadge";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const actor = await requirePermission("clients.list");
  const db = await getDb();
  const client = await getClient(db, actor, clientId);
  if (!client) notFound();
  const history = (await listCheckInsWithStages(db, actor, clientId)) ?? [];
  const latest = history.at(-1);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{client.name}</h1>
      <p className="text-sm text-slate-600">
        {client.industry ?? "No industry given"} · Lead consultant: {client.consultantName ?? "unassigned"}
      </p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <StageBadge stage={latest?.stage ?? null} />
        {latest ? (
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <div>
              <h2 className="text-sm font-medium text-slate-600">Why ({Math.round((latest.confidence ?? 0) * 100)}% confidence)</h2>
              <ul className="mt-1 list-disc pl-5 text-sm">{latest.reasons?.map((r) => <li key={r}>{r}</li>)}</ul>
            </div>
            <div>
              <h2 className="text-sm font-medium text-slate-600">What the next stage needs</h2>
              <ul className="mt-1 list-disc pl-5 text-sm">{latest.missing?.map((r) => <li key={r}>{r}</li>)}</ul>
            </div>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No check-ins yet. Log the first one to see the client&apos;s stage.</p>
        )}
      </div>
      <h2 className="mt-6 text-lg font-semibold">Check-ins</h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing logged yet.</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th className="p-2 font-medium">Date</th>
              <th className="p-2 font-medium">Stage</th>
              <th className="p-2 font-medium">Posts (30 days)</th>
              <th className="p-2 font-medium">Rhythm</th>
              <th className="p-2 font-medium">Replies</th>
              <th className="p-2 font-medium">Results</th>
              <th className="p-2 font-medium">Logged by</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="p-2">{c.date}</td>
                <td className="p-2"><StageBadge stage={c.stage} compact /></td>
                <td className="p-2">{c.postsLast30d}</td>
                <td className="p-2">{c.rhythm}</td>
                <td className="p-2">{c.replies}</td>
                <td className="p-2">{c.results}</td>
                <td className="p-2">{c.consultant ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
