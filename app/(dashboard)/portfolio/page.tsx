import { MAX_RANGE_YEARS } from "@/lib/portfolio/range";
import type { Metadata } from "next";
import Link from "next/link";
import { getPortfolio, portfolioClients, portfolioFilterOptions, type DrillClient } from "@/db/queries/portfolio";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { Card, PageHeader } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { DistributionNowChart } from "@/components/charts/portfolio/DistributionNowChart";
import { OverTimeChart } from "@/components/charts/portfolio/OverTimeChart";
import { FlowMatrix } from "@/components/charts/portfolio/FlowMatrix";
import { TimeInStageChart } from "@/components/charts/portfolio/TimeInStageChart";
import { ConsultantChart } from "@/components/charts/portfolio/ConsultantChart";
import { AttentionLists } from "@/components/charts/portfolio/AttentionLists";
import { FilterBar } from "./FilterBar";
import { drillHref, filtersFrom, type SearchParams } from "./filters";
import { NO_CHECKIN_DAYS, RECENT_REGRESSION_DAYS, SELF_ASSESSMENT_GAP, STALLED_DAYS } from "@/lib/flags";
import { todayFor } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Portfolio" };

const STAGES = [1, 2, 3, 4, 5, 6];
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const today = todayFor(actor);
  const filters = filtersFrom(await searchParams, today);
  const [p, options, all] = await forActor(actor, (db) => Promise.all([getPortfolio(db, actor, filters), portfolioFilterOptions(db, actor), portfolioClients(db, actor, filters, { kind: "all" })]));
  if (!p || !options || !all) return <p>Those filters cannot be used.</p>;

  const att = p.attention;
  const groups = [
    { key: "stalled", title: `Stalled over ${STALLED_DAYS} days`, entries: att.stalled.map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: `${c.daysInStage} days` })) },
    { key: "regressed", title: `Moved back in the last ${RECENT_REGRESSION_DAYS} days`, entries: att.regressed.map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: `from ${c.previousStage}` })) },
    { key: "no-checkin", title: `No check-in for ${NO_CHECKIN_DAYS} days`, entries: att.noRecentCheckIn.map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: c.lastCheckIn ?? "never" })) },
    { key: "override", title: "Override differs from inference", entries: att.overrideDiffers.map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: `override ${c.overrideStage}` })) },
    { key: "self", title: `Self-assessment ${SELF_ASSESSMENT_GAP}+ stages apart`, entries: att.selfAssessmentGap.map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: `says ${c.selfStage}` })) },
  ];
  const byConsultant = new Map<string, DrillClient[]>();
  for (const c of all) {
    const key = c.consultantName ?? "Unassigned";
    byConsultant.set(key, [...(byConsultant.get(key) ?? []), c]);
  }

  return (
    <section>
      <PageHeader title="Portfolio" subtitle={`${p.totalClients} clients · ${p.filters.from} to ${p.filters.to}${p.withoutStage ? ` · ${p.withoutStage} without a check-in yet` : ""}`} />
      <FilterBar action="/portfolio" filters={filters} consultants={options.consultants} industries={options.industries} />
      {filters.error ? (
        <p role="status" className="mb-3 text-sm text-red-700">
          {filters.error === "order" ? "The start date was after the end date" : `The period was longer than ${MAX_RANGE_YEARS} years`}; showing the last twelve months instead.
        </p>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Stage distribution now">
          <p className="sr-only" data-testid="distribution-counts">{p.distribution.map((d) => d.count).join(",")}</p>
          <DistributionNowChart title="Stage distribution now" data={p.distribution.map((d) => ({ ...d, href: drillHref(filters, { stage: d.stage }) }))} />
        </Card>
        <Card title="Stage distribution over time">
          <OverTimeChart
            title="Stage distribution over time"
            data={p.overTime.map((m) => ({ month: m.month, counts: m.counts, hrefs: STAGES.map((s) => drillHref(filters, { month: m.month, stage: s })) }))}
          />
        </Card>
        <Card title="Flows between stages">
          <FlowMatrix
            title="Flows between stages"
            fromLabel="from"
            toLabel="to"
            forwardLabel="forward moves"
            backwardLabel="backward moves"
            cells={p.flows.map((f) => ({ ...f, href: drillHref(filters, { flowFrom: f.from, flowTo: f.to }) }))}
          />
        </Card>
        <Card title="Time in stage">
          {p.timeInStage.length === 0 ? (
            <p className="text-sm text-slate-600">No client moved on from a stage in this range.</p>
          ) : (
            <>
              <TimeInStageChart title="Time in stage" data={p.timeInStage.map((t) => ({ ...t, href: drillHref(filters, { spell: t.stage }) }))} />
              <table className="mt-2 w-full text-xs">
                <thead>
                  <tr className="text-left text-slate-500"><th>Stage</th><th>Spells</th><th>Median days</th><th>Middle half</th><th>Range</th></tr>
                </thead>
                <tbody>
                  {p.timeInStage.map((t) => (
                    <tr key={t.stage}>
                      <td><a className="text-indigo-700 hover:underline" href={drillHref(filters, { spell: t.stage })}>Stage {t.stage}</a></td>
                      <td>{t.spells}</td><td>{Math.round(t.median)}</td><td>{Math.round(t.p25)}–{Math.round(t.p75)}</td><td>{t.min}–{t.max}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Card>
      </div>

      <Card title="Needs attention" className="mt-4">
        <AttentionLists groups={groups} emptyText="Nobody." />
      </Card>

      <Card title="Per consultant" className="mt-4">
        <ConsultantChart
          title="Per consultant"
          data={p.consultants.map((c) => ({ name: c.consultantName ?? "Unassigned", stageMix: c.stageMix, hrefs: STAGES.map((s) => drillHref(filters, { byConsultant: c.consultantId ?? "none", stage: s })) }))}
        />
        <table className="mt-2 w-full text-sm" aria-label="Consultant figures">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th className="p-1 font-medium">Consultant</th>
              <th className="p-1 font-medium">Clients</th>
              <th className="p-1 font-medium">Check-ins, last 30 days</th>
              <th className="p-1 font-medium">Net stage movement</th>
            </tr>
          </thead>
          <tbody>
            {p.consultants.map((c) => (
              <tr key={c.consultantId ?? "none"} className="border-b border-slate-100">
                <td className="p-1"><a className="text-indigo-700 hover:underline" href={drillHref(filters, { byConsultant: c.consultantId ?? "none" })}>{c.consultantName ?? "Unassigned"}</a></td>
                <td className="p-1">{c.clients}</td>
                <td className="p-1">{c.checkInsLast30d}</td>
                <td className={`p-1 ${c.netMovement > 0 ? "text-emerald-700" : c.netMovement < 0 ? "text-red-700" : ""}`}>{signed(c.netMovement)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <h2 className="mt-6 text-lg font-semibold">Clients by consultant</h2>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {[...byConsultant.entries()].map(([name, list]) => (
          <div key={name} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{name} <span className="font-normal text-slate-500">· {list.length} clients</span></h3>
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
