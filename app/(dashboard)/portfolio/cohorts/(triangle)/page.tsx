import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCohorts } from "@/db/queries/insight/cohorts";
import { portfolioFilterOptions } from "@/db/queries/portfolio";
import { requirePermission } from "@/lib/auth/actor";
import { inFirm } from "@/db/tenant";
import { readDb } from "@/db/replica";
import { Card, PageHeader, mutedClass } from "@/components/ui/primitives";
import { CohortTable } from "@/components/insight/CohortTable";
import { CohortChart } from "@/components/insight/CohortChart";
import { MAX_LINES } from "@/components/insight/CohortScale";
import { formatDay } from "@/lib/i18n/format";
import { MAX_RANGE_YEARS } from "@/lib/portfolio/range";
import { todayFor } from "@/lib/time/zone";
import { FilterBar } from "../../FilterBar";
import { filterQuery, filtersFrom, type SearchParams } from "../../filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cohorts");
  return { title: t("metaTitle") };
}

export default async function CohortsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  // The default range is the twelve months to the manager's own today, as on the overview.
  const filters = filtersFrom(await searchParams, todayFor(actor));
  const [t, tp, format] = await Promise.all([getTranslations("cohorts"), getTranslations("portfolio"), getFormatter()]);
  const [rows, options] = await inFirm(await readDb(), actor.firmId, (db) => Promise.all([getCohorts(db, actor, filters), portfolioFilterOptions(db, actor)]));
  if (!rows || !options) return <p role="alert">{tp("badFilters")}</p>;

  const day = (iso: string) => formatDay(format, iso);
  const cellHref = (cohort: string, k: number) => `/portfolio/cohorts/clients?${filterQuery(filters, { cohort, k })}`;
  const drawn = rows.slice(-MAX_LINES);

  return (
    <section className="min-w-0">
      <PageHeader title={t("title")} subtitle={t("subtitle", { count: rows.length, from: day(filters.from), to: day(filters.to) })} />
      <FilterBar action="/portfolio/cohorts" filters={filters} consultants={options.consultants} industries={options.industries} />
      {filters.error ? (
        <p role="status" className="mb-3 text-sm text-red-700 dark:text-red-300">
          {filters.error === "order" ? tp("rangeOrder") : tp("rangeTooLong", { years: MAX_RANGE_YEARS })}
        </p>
      ) : null}
      <p className={`mb-4 max-w-prose text-sm ${mutedClass}`}>
        {t("intro", { to: day(filters.to) })} {t("archivedNote")}
      </p>

      {rows.length === 0 ? (
        <p className={`text-sm ${mutedClass}`}>{t("empty")}</p>
      ) : (
        <div className="grid min-w-0 gap-4">
          <Card title={t("triangle.title")}>
            <CohortTable
              title={t("triangle.title")}
              rows={rows.map((r) => ({ cohort: r.cohort, size: r.size, cells: r.cells.map((c) => ({ k: c.k, clients: c.clients, atOrAbove4: c.atOrAbove4, share: c.share, href: cellHref(r.cohort, c.k) })) }))}
            />
          </Card>
          <Card title={t("chart.title")}>
            <CohortChart
              title={t("chart.title")}
              series={drawn.map((r) => ({ cohort: r.cohort, shares: r.cells.map((c) => c.share) }))}
              note={rows.length > drawn.length ? t("chart.latest", { shown: drawn.length, count: rows.length }) : undefined}
            />
          </Card>
        </div>
      )}
    </section>
  );
}
