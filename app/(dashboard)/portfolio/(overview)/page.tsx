import { MAX_RANGE_YEARS } from "@/lib/portfolio/range";
import { PORTFOLIO_NAMES_SHOWN } from "@/lib/portfolio/types";
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations, getFormatter } from "next-intl/server";
import type { DrillClient, SpellFigures, StageCount } from "@/db/queries/portfolio";
import { portfolioPageParts } from "@/db/queries/portfolio-page";
import { requirePermission } from "@/lib/auth/actor";
import { inFirmSideBySideParts } from "@/db/tenant";
import { getDatabase } from "@/db";
import { readDb } from "@/db/replica";
import { Card, PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { DistributionNowChart } from "@/components/charts/portfolio/DistributionNowChart";
import { OverTimeChart } from "@/components/charts/portfolio/OverTimeChart";
import { FlowMatrix } from "@/components/charts/portfolio/FlowMatrix";
import { SurvivalChart } from "@/components/charts/portfolio/SurvivalChart";
import { drawingCurve } from "@/lib/insight/km";
import { ConsultantChart } from "@/components/charts/portfolio/ConsultantChart";
import { AttentionLists } from "@/components/charts/portfolio/AttentionLists";
import { formatDay } from "@/lib/i18n/format";
import { FilterBar } from "../FilterBar";
import { drillHref, filtersFrom, type SearchParams } from "../filters";
import { NO_CHECKIN_DAYS, RECENT_REGRESSION_DAYS, SELF_ASSESSMENT_GAP, STALLED_DAYS } from "@/lib/flags";
import { todayFor } from "@/lib/time/zone";


/** Names shown per list on the page; the rest are one link away. */
const SHOWN = PORTFOLIO_NAMES_SHOWN;
/** The client list's flag filter behind each attention list. */
const FLAG_OF: Record<string, string> = { stalled: "stalled", regressed: "regressed", "no-checkin": "no-recent-checkin", override: "override-differs", self: "self-assessment-gap", overdue: "overdue" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio");
  return { title: t("metaTitle") };
}

const STAGES = [1, 2, 3, 4, 5, 6];

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  // The default range ends on the manager's own today, not the server's or UTC's.
  const today = todayFor(actor);
  const filters = filtersFrom(await searchParams, today);
  const [t, format] = await Promise.all([getTranslations("portfolio"), getFormatter()]);
  // On the read replica when one is configured: seconds stale is fine here (docs/scaling.md).
  // About ten independent statements: on PostgreSQL they run side by side on pooled connections.
  // The charts drawn from the spells wait for the longest statement in a boundary of their own;
  // the rest of the page is drawn meanwhile, while PostgreSQL is still counting.
  const parallel = (await getDatabase()).kind === "postgres";
  const parts = await inFirmSideBySideParts(
    await readDb(),
    actor.firmId,
    parallel,
    (run) => portfolioPageParts(run, actor, filters, SHOWN, !parallel),
    (started) => (started ? [started.spells, started.head, started.settled] : []),
  );
  if (!parts) return <p role="alert">{t("badFilters")}</p>;
  const { portfolio: p, options, firstClients: all } = await parts.head;
  if (!options || !all) return <p role="alert">{t("badFilters")}</p>;

  const num = (n: number) => format.number(n);
  const day = (iso: string) => formatDay(format, iso);
  const unassigned = t("consultants.unassigned");
  const att = p.attention;
  // A firm of thousands has thousands stalled: the page fetches and words only the first few of
  // each list (attentionLimit) and links to the client list for the rest; wording thousands made
  // up most of the page's render time at 10,000 clients.
  type Item = (typeof att.stalled)[number];
  const group = (key: string, title: string, items: Item[], total: number, detail: (c: Item) => string) => ({
    key,
    title,
    count: num(total),
    entries: items.slice(0, SHOWN).map((c) => ({ id: c.id, name: c.name, stage: c.stage, detail: detail(c) })),
    more: total > SHOWN ? { href: `/clients?flag=${FLAG_OF[key]}`, label: t("attention.seeAll", { count: total }) } : undefined,
  });
  const total = p.attentionTotals;
  const groups = [
    group("stalled", t("attention.stalled", { days: STALLED_DAYS }), att.stalled, total.stalled, (c) => t("attention.days", { days: c.daysInStage ?? 0 })),
    group("regressed", t("attention.regressed", { days: RECENT_REGRESSION_DAYS }), att.regressed, total.regressed, (c) => t("attention.fromStage", { stage: c.previousStage ?? 0 })),
    group("no-checkin", t("attention.noCheckIn", { days: NO_CHECKIN_DAYS }), att.noRecentCheckIn, total.noRecentCheckIn, (c) => (c.lastCheckIn ? day(c.lastCheckIn) : t("attention.never"))),
    group("override", t("attention.override"), att.overrideDiffers, total.overrideDiffers, (c) => t("attention.overrideStage", { stage: c.overrideStage ?? 0 })),
    group("self", t("attention.self", { gap: SELF_ASSESSMENT_GAP }), att.selfAssessmentGap, total.selfAssessmentGap, (c) => t("attention.selfStage", { stage: c.selfStage ?? 0 })),
    group("overdue", t("attention.overdue"), att.overdue, total.overdue, (c) => t("attention.days", { days: c.daysInStage ?? 0 })),
  ];
  // A few names per consultant (firstClientsPerConsultant), counted from the per-consultant rows.
  const named = new Map<string | null, DrillClient[]>();
  for (const c of all) named.set(c.consultantId, [...(named.get(c.consultantId) ?? []), c]);
  const byConsultant = p.consultants
    .filter((c) => c.clients > 0)
    .map((c) => ({ id: c.consultantId, name: c.consultantName ?? unassigned, count: c.clients, list: named.get(c.consultantId) ?? [] }));
  const subtitle = [
    t("subtitle", { count: p.totalClients, from: day(p.filters.from), to: day(p.filters.to) }),
    p.withoutStage ? t("withoutStage", { count: p.withoutStage }) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <section className="min-w-0">
      <PageHeader title={t("title")} subtitle={subtitle} />
      <FilterBar action="/portfolio" filters={filters} consultants={options.consultants} industries={options.industries} />
      {filters.error ? (
        <p role="status" className="mb-3 text-sm text-red-700 dark:text-red-300">
          {filters.error === "order" ? t("rangeOrder") : t("rangeTooLong", { years: MAX_RANGE_YEARS })}
        </p>
      ) : null}

      {/* The counts of "now", for tests: not shown, not read out (the chart's table says it). */}
      <p hidden data-testid="distribution-counts">{p.distribution.map((d) => d.count).join(",")}</p>

      <Suspense fallback={<ChartsLoading titles={CHART_TITLES.map((k) => t(k))} />}>
        <SpellCharts spells={parts.spells} distribution={p.distribution} filters={filters} />
      </Suspense>

      <Card title={t("attention.title")} className="mt-4">
        <AttentionLists groups={groups} emptyText={t("attention.nobody")} />
      </Card>

      <Card title={t("charts.perConsultant")} className="mt-4">
        {p.consultants.length === 0 ? (
          <p className={`text-sm ${mutedClass}`}>{t("consultants.empty")}</p>
        ) : (
          <>
            <ConsultantChart
              title={t("charts.perConsultant")}
              data={p.consultants.map((c) => ({ name: c.consultantName ?? unassigned, stageMix: c.stageMix, hrefs: STAGES.map((s) => drillHref(filters, { byConsultant: c.consultantId ?? "none", stage: s })) }))}
            />
            <ScrollRegion label={t("consultants.table")} className="mt-4">
              <table className={tableClass} aria-label={t("consultants.table")}>
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>{t("consultants.consultant")}</th>
                    <th scope="col" className={`${thClass} text-right`}>{t("consultants.clients")}</th>
                    <th scope="col" className={`${thClass} text-right`}>{t("consultants.checkIns", { days: 30 })}</th>
                    <th scope="col" className={`${thClass} text-right`}>{t("consultants.net")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.consultants.map((c) => (
                    <tr key={c.consultantId ?? "none"}>
                      <th scope="row" className={`${tdClass} text-left font-normal`}>
                        <a className={linkClass} href={drillHref(filters, { byConsultant: c.consultantId ?? "none" })}>{c.consultantName ?? unassigned}</a>
                      </th>
                      <td className={`${tdClass} text-right`}>{num(c.clients)}</td>
                      <td className={`${tdClass} text-right`}>{num(c.checkInsLast30d)}</td>
                      <td className={`${tdClass} text-right ${c.netMovement > 0 ? "text-emerald-700 dark:text-emerald-300" : c.netMovement < 0 ? "text-red-700 dark:text-red-300" : ""}`}>
                        {format.number(c.netMovement, { signDisplay: "exceptZero" })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </Card>

      <h2 className="mt-6 text-lg font-semibold">{t("byConsultant.title")}</h2>
      {byConsultant.length === 0 ? <p className={`mt-2 text-sm ${mutedClass}`}>{t("byConsultant.empty")}</p> : null}
      <div className="mt-2 grid min-w-0 gap-4 md:grid-cols-2">
        {byConsultant.map(({ id, name, count, list }) => (
          <div key={id ?? "none"} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <h3 className="font-semibold break-words">
              {name} <span className={`font-normal ${mutedClass}`}>· {t("byConsultant.count", { count })}</span>
            </h3>
            <ul className="mt-2 space-y-1 text-sm">
              {list.map((c) => (
                <li key={c.id} className="sl-row">
                  {/* Plain links, as in the attention lists: each Link would hydrate and prefetch its page. */}
                  <a href={`/clients/${c.id}`} className={`min-w-0 break-words ${linkClass}`}>{c.name}</a>
                  <StageBadge stage={c.stage} compact />
                </li>
              ))}
            </ul>
            {count > list.length ? (
              <p className="mt-2 text-sm">
                <a className={linkClass} href={drillHref(filters, { byConsultant: id ?? "none" })}>{t("byConsultant.seeAll", { count })}</a>
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}

const CHART_TITLES = ["charts.distributionNow", "charts.overTime", "charts.flows", "charts.timeInStage"] as const;

/** The four charts' cards while the spell statement is still counting: their titles, and room for each chart. */
function ChartsLoading({ titles }: { titles: string[] }) {
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-2" aria-busy="true">
      {titles.map((title) => (
        <Card key={title} title={title}>
          <div className="h-64 animate-pulse rounded bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" />
        </Card>
      ))}
    </div>
  );
}

/** The distribution now (from the per-consultant rows) and the three charts drawn from the spells, once their statement answers. */
async function SpellCharts({ spells, distribution, filters }: { spells: Promise<SpellFigures>; distribution: StageCount[]; filters: ReturnType<typeof filtersFrom> }) {
  const [{ overTime, flows, timeInStage, survival }, t] = await Promise.all([spells, getTranslations("portfolio")]);
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-2">
      <Card title={t("charts.distributionNow")}>
        <DistributionNowChart title={t("charts.distributionNow")} data={distribution.map((d) => ({ ...d, href: drillHref(filters, { stage: d.stage }) }))} />
      </Card>
      <Card title={t("charts.overTime")}>
        <OverTimeChart
          title={t("charts.overTime")}
          data={overTime.map((m) => ({ month: m.month, counts: m.counts, hrefs: STAGES.map((s) => drillHref(filters, { month: m.month, stage: s })) }))}
        />
      </Card>
      <Card title={t("charts.flows")}>
        {flows.some((f) => f.count > 0) ? null : <p className={`mb-2 text-sm ${mutedClass}`}>{t("flowsEmpty")}</p>}
        <FlowMatrix title={t("charts.flows")} cells={flows.map((f) => ({ ...f, href: drillHref(filters, { flowFrom: f.from, flowTo: f.to }) }))} />
      </Card>
      <Card title={t("charts.timeInStage")}>
        {/* Kaplan–Meier per stage; the former medians of completed spells stay as its footnote, with their drill links. */}
        {survival ? (
          <SurvivalChart
            title={t("charts.timeInStage")}
            stages={survival.stages.map((s) => ({ ...s, curve: drawingCurve(s.curve) }))}
            completed={timeInStage.map((s) => ({ stage: s.stage, spells: s.spells, median: s.median, href: drillHref(filters, { spell: s.stage }) }))}
          />
        ) : null}
      </Card>
    </div>
  );
}
