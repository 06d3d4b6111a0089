import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getClient } from "@/db/queries/clients";
import { listCheckInsWithStages } from "@/db/queries/checkins";
import { requirePermission } from "@/lib/auth/actor";
import { STAGE_SUMMARIES, type Stage } from "@/lib/stages";
import { StageBadge } from "@/components/stage/StageBadge";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const actor = await requirePermission("progress.read");
  const db = await getDb();
  const client = actor.clientId ? await getClient(db, actor, actor.clientId) : null;
  if (!client) notFound();
  const history = (await listCheckInsWithStages(db, actor, client.id)) ?? [];
  const latest = history.at(-1);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{client.name}</h1>
      <p className="text-sm text-slate-600">Your journey through the six stages of social media.</p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        {latest?.stage ? (
          <>
            <p className="text-sm text-slate-600">Where you are now</p>
            <div className="mt-1"><StageBadge stage={latest.stage} /></div>
            <p className="mt-2">{STAGE_SUMMARIES[latest.stage as Stage]}</p>
            <h2 className="mt-4 font-medium">Next steps</h2>
            <ul className="mt-1 list-disc pl-5 text-sm">{latest.missing?.map((m) => <li key={m}>{m}</li>)}</ul>
          </>
        ) : (
          <p>Your consultant has not logged a check-in yet. Your progress appears here after the first one.</p>
        )}
      </div>
    </section>
  );
}
