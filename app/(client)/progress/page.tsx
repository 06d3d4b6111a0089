import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getClientProgress } from "@/db/queries/progress";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { STAGE_LABELS, STAGE_SUMMARIES, type Stage } from "@/lib/stages";
import { StageBadge } from "@/components/stage/StageBadge";
import { JourneyChart } from "@/components/charts/JourneyChart";
import { SelfAssessmentForm } from "@/components/progress/SelfAssessmentForm";
import { selfAssessAction } from "./actions";
import "./progress.css";

export const metadata: Metadata = { title: "Your progress" };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="progress-card rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ProgressPage() {
  const actor = await requirePermission("progress.read");
  const p = await forActor(actor, (db) => getClientProgress(db, actor));
  if (!p) notFound();
  const cur = p.current;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{p.client.name}</h1>
        <p className="text-sm text-slate-600">Your journey through the six stages of social media.</p>
      </div>
      {!cur ? (
        <Section title="Where you are now">
          <p>Your consultant has not logged a check-in yet. Your progress appears here after the first one.</p>
        </Section>
      ) : (
        <>
          <Section title="Where you are now">
            <div className="flex flex-wrap items-center gap-2">
              <StageBadge stage={cur.stage} />
              <span className="text-sm text-slate-500">as of {cur.date}</span>
            </div>
            <p className="mt-2 text-lg font-medium">“{STAGE_LABELS[cur.stage as Stage]}”</p>
            <p className="mt-1">{STAGE_SUMMARIES[cur.stage as Stage]}</p>
            {p.override ? (
              <p className="mt-2 text-sm text-slate-600">
                Your consultant places you in stage {p.override.stage} from {p.override.effectiveDate}
                {p.override.reason ? `: ${p.override.reason}` : "."}
              </p>
            ) : null}
          </Section>
          <div className="grid gap-4 md:grid-cols-2">
            <Section title="What you do well now">
              <ul className="list-disc space-y-1 pl-5 text-sm">{cur.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
            </Section>
            <Section title={cur.stage < 6 ? `Next steps towards stage ${cur.stage + 1}` : "Next steps"}>
              {cur.missing.length ? (
                <ul className="list-disc space-y-1 pl-5 text-sm">{cur.missing.slice(0, 5).map((m) => <li key={m}>{m}</li>)}</ul>
              ) : (
                <p className="text-sm">You are at the top of the ladder: keep going, and bring others along.</p>
              )}
            </Section>
          </div>
          <Section title="Your journey so far">
            <JourneyChart title="Your stage over time" points={p.journey} />
          </Section>
          <Section title="Milestones">
            <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {p.milestones.map((m) => (
                <li key={m.stage} className="flex items-center gap-2 text-sm">
                  <StageBadge stage={m.stage} compact /> <span>first reached on <time dateTime={m.date}>{m.date}</time></span>
                </li>
              ))}
            </ol>
          </Section>
        </>
      )}
      {p.sharedNotes.length ? (
        <Section title="Notes from your consultant">
          <ul className="space-y-2 text-sm">{p.sharedNotes.map((n, i) => <li key={i}><span className="text-slate-500">{n.date}:</span> {n.notes}</li>)}</ul>
        </Section>
      ) : null}
      <Section title="Which stage would you put yourself in?">
        {p.self ? (
          <p className="mb-3 text-sm" data-testid="self-answer">
            You said stage {p.self.stage} on {p.self.date}{p.self.note ? `: “${p.self.note}”` : "."}
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-600">Pick the stage that sounds most like you today. Your consultant sees your answer next to theirs.</p>
        )}
        <SelfAssessmentForm action={selfAssessAction} labels={STAGE_LABELS} current={p.self?.stage ?? null} />
      </Section>
    </div>
  );
}
