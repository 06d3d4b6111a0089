import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClient } from "@/db/queries/clients";
import { listCheckInsWithStages } from "@/db/queries/checkins";
import { activeOverride, listOverrides } from "@/db/queries/overrides";
import { latestSelfAssessment } from "@/db/queries/self-assessments";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { StageBadge } from "@/components/stage/StageBadge";
import { buttonClass, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageTimeline, type TimelinePoint } from "@/components/charts/StageTimeline";
import { SignalCharts } from "@/components/charts/SignalCharts";
import { OverrideForm } from "@/components/checkin/OverrideForm";
import { OPTION_TEXT } from "@/components/checkin/fields";
import { CLIENT_TEXT as T, stageName } from "@/components/checkin/client-page-text";
import { createOverrideAction, withdrawOverrideAction } from "./actions";
import { todayFor } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Client" };

type Search = { saved?: string; from?: string; to?: string };
const FLASH_KINDS = ["created", "updated", "deleted", "override", "withdrawn"] as const;
type FlashKind = (typeof FLASH_KINDS)[number];

function stageParam(v: string | undefined): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= 6 ? n : null;
}

function Flash({ search, current }: { search: Search; current: number | null }) {
  const kind = FLASH_KINDS.find((k) => k === search.saved) as FlashKind | undefined;
  if (!kind) return null;
  const from = stageParam(search.from);
  const to = stageParam(search.to);
  const parts: string[] = [T.flash[kind]];
  if (kind === "created" || kind === "updated" || kind === "deleted") {
    if (from !== null && to !== null && from !== to) parts.push(T.flash.moved(from, to));
    else if (from !== null && to !== null) parts.push(T.flash.stays(to));
    if (current !== null) parts.push(T.flash.now(current));
    else parts.push(T.flash.noStage);
  }
  return (
    <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="flash">
      {parts.join(" ")}
    </p>
  );
}

export default async function ClientPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<Search> }) {
  const { clientId } = await params;
  const search = await searchParams;
  const actor = await requirePermission("clients.list");
  const loaded = await forActor(actor, async (db) => {
    const client = await getClient(db, actor, clientId);
    if (!client) return null;
    const [history, overrides, self] = await Promise.all([listCheckInsWithStages(db, actor, clientId), listOverrides(db, actor, clientId), latestSelfAssessment(db, actor, clientId)]);
    return { client, history, overrides, self };
  });
  if (!loaded) notFound();
  const { client, history, overrides, self } = loaded;
  const checkIns = history ?? [];
  const allOverrides = overrides ?? [];
  const latest = checkIns.at(-1) ?? null;
  const active = activeOverride(allOverrides);
  const writable = can(actor, "checkins.write");
  const today = todayFor(actor);
  const base = `/clients/${clientId}`;

  const points: TimelinePoint[] = [
    ...checkIns.filter((c) => c.stage !== null).map((c) => ({ date: c.date, stage: c.stage!, kind: "inferred" as const, reasons: (c.reasons ?? []).slice(0, 3) })),
    ...allOverrides.map((o) => ({ date: o.effectiveDate, stage: o.stage, kind: "override" as const, reasons: [o.reason], withdrawn: o.withdrawnAt !== null })),
  ];

  return (
    <section>
      <p className="mb-2 text-sm"><Link href="/clients" className="text-indigo-700 hover:underline">← Clients</Link></p>
      <PageHeader
        title={client.name}
        subtitle={T.subtitle(client.industry, client.consultantName)}
        actions={
          <>
            {writable ? <Link href={`${base}/checkins/new`} className={buttonClass("primary")}>{T.logCheckIn}</Link> : null}
            <a href={`/export?format=csv&client=${clientId}`} className={buttonClass("secondary")}>{T.exportCsv}</a>
            <a href={`/export?format=json&client=${clientId}`} className={buttonClass("secondary")}>{T.exportJson}</a>
          </>
        }
      />
      {client.archived ? <p className="mb-4 rounded bg-slate-100 p-2 text-sm text-slate-700">{T.archived}</p> : null}
      <Flash search={search} current={latest?.stage ?? null} />

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={T.inferredTitle} className="lg:col-span-2">
          <div data-testid="inferred-stage" data-stage={latest?.stage ?? ""}>
            <StageBadge stage={latest?.stage ?? null} />
            {latest && latest.stage !== null ? (
              <>
                <span className="ml-2 text-sm text-slate-600">
                  {T.confidence(latest.confidence ?? 0)} · {T.asOf(latest.date)}
                </span>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <div>
                    <h3 className="text-sm font-medium text-slate-600">{T.why}</h3>
                    <ul className="mt-1 list-disc pl-5 text-sm">{latest.reasons?.map((r) => <li key={r}>{r}</li>)}</ul>
                  </div>
                  <div>
                    <h3 className="text-sm font-medium text-slate-600">{T.nextNeeds(latest.stage)}</h3>
                    {latest.missing && latest.missing.length > 0 ? (
                      <ul className="mt-1 list-disc pl-5 text-sm">{latest.missing.map((r) => <li key={r}>{r}</li>)}</ul>
                    ) : (
                      <p className="mt-1 text-sm">{T.nothingMissing}</p>
                    )}
                  </div>
                </div>
              </>
            ) : null}
          </div>
        </Card>

        <div className="space-y-4">
          <Card title={T.overrideTitle}>
            <div data-testid="override" data-stage={active?.stage ?? ""}>
              {active ? (
                <div className="space-y-1 text-sm">
                  <StageBadge stage={active.stage} />
                  {latest?.stage != null && latest.stage !== active.stage ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{T.overrideDiffers}</span>
                  ) : null}
                  <p className="whitespace-pre-line">{active.reason}</p>
                  <p className="text-xs text-slate-600">{T.overrideBy(active.authorName, active.effectiveDate)}</p>
                  {active.internal ? <p className="text-xs text-slate-600">{T.overrideInternal}</p> : null}
                  {can(actor, "overrides.write") ? (
                    <form action={withdrawOverrideAction} className="pt-1">
                      <input type="hidden" name="clientId" value={clientId} />
                      <input type="hidden" name="overrideId" value={active.id} />
                      <button type="submit" className={buttonClass("secondary")}>{T.withdraw}</button>
                    </form>
                  ) : null}
                </div>
              ) : (
                <p className="text-sm text-slate-600">{T.noOverride}</p>
              )}
            </div>
            {can(actor, "overrides.write") ? (
              <details className="mt-3 border-t border-slate-100 pt-3">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">{T.overrideSummary(active !== null)}</summary>
                <div className="mt-2">
                  <OverrideForm clientId={clientId} today={today} hasActive={active !== null} saveAction={createOverrideAction} />
                </div>
              </details>
            ) : null}
          </Card>
          <Card title={T.selfTitle}>
            <div data-testid="self-assessment" data-stage={self?.stage ?? ""} className="space-y-1 text-sm">
              {self ? (
                <>
                  <StageBadge stage={self.stage} />
                  {self.note ? <p>{self.note}</p> : null}
                  <p className="text-xs text-slate-600">{T.selfOn(self.date)}</p>
                </>
              ) : (
                <p className="text-slate-600">{T.selfNone}</p>
              )}
            </div>
          </Card>
        </div>
      </div>

      {checkIns.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={T.emptyTitle} action={writable ? { href: `${base}/checkins/new`, label: T.emptyAction } : undefined}>
            {T.emptyBody}
          </EmptyState>
        </div>
      ) : (
        <>
          <Card title={T.timelineTitle} className="mt-6">
            <StageTimeline
              points={points}
              text={{ ...T.timeline, stageLabels: Object.fromEntries([1, 2, 3, 4, 5, 6].map((s) => [s, stageName(s)])) }}
            />
          </Card>
          <section className="mt-6">
            <h2 className="mb-2 text-base font-semibold">{T.signalsTitle}</h2>
            <SignalCharts
              points={checkIns.map((c) => ({ date: c.date, posts: c.postsLast30d, automatedShare: c.automatedShare, followers: c.followers }))}
              text={T.signals}
            />
          </section>
          <section className="mt-6">
            <h2 className="mb-2 text-base font-semibold">{T.historyTitle}</h2>
            <div className="overflow-x-auto">
              <table className={tableClass} aria-label={T.historyTitle}>
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>{T.col.date}</th>
                    <th scope="col" className={thClass}>{T.col.stage}</th>
                    <th scope="col" className={thClass}>{T.col.posts}</th>
                    <th scope="col" className={thClass}>{T.col.rhythm}</th>
                    <th scope="col" className={thClass}>{T.col.replies}</th>
                    <th scope="col" className={thClass}>{T.col.results}</th>
                    <th scope="col" className={thClass}>{T.col.by}</th>
                    {writable ? <th scope="col" className={thClass}>{T.col.actions}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {[...checkIns].reverse().map((c) => (
                    <tr key={c.id} data-testid="checkin-row">
                      <td className={tdClass}>{c.date}</td>
                      <td className={tdClass}><StageBadge stage={c.stage} compact /></td>
                      <td className={tdClass}>{c.postsLast30d}</td>
                      <td className={tdClass}>{T.rhythmShort[c.rhythm] ?? c.rhythm}</td>
                      <td className={tdClass}>{OPTION_TEXT.replies[c.replies] ?? c.replies}</td>
                      <td className={tdClass}>{OPTION_TEXT.results[c.results] ?? c.results}</td>
                      <td className={tdClass}>{c.authorName ?? c.consultant ?? ""}</td>
                      {writable ? (
                        <td className={`${tdClass} whitespace-nowrap`}>
                          <Link href={`${base}/checkins/${c.id}/edit`} aria-label={T.editLabel(c.date)} className="text-indigo-700 hover:underline">{T.edit}</Link>
                          {" · "}
                          <Link href={`${base}/checkins/${c.id}/delete`} aria-label={T.deleteLabel(c.date)} className="text-red-700 hover:underline">{T.delete}</Link>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </section>
  );
}

