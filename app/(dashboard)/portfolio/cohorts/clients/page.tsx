import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cohortClients } from "@/db/queries/insight/cohorts";
import { Pager } from "@/components/clients/Pager";
import { pageHrefs, pastTheEnd } from "@/components/clients/paging-links";
import { requirePermission } from "@/lib/auth/actor";
import { inFirm } from "@/db/tenant";
import { readDb } from "@/db/replica";
import { PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { formatDay, formatMonth } from "@/lib/i18n/format";
import { todayFor } from "@/lib/time/zone";
import { filterQuery, filtersFrom, type SearchParams } from "../../filters";
import { oneParam as one } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cohorts.drill");
  return { title: t("metaTitle") };
}

/** The clients behind one cell of the cohort triangle; 404 for a cell the triangle does not have. */
export default async function CohortClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const sp = await searchParams;
  const filters = filtersFrom(sp, todayFor(actor));
  const cohort = one(sp.cohort);
  const kText = one(sp.k);
  if (!/^\d{4}-\d{2}$/.test(cohort) || !/^\d{1,4}$/.test(kText)) notFound();
  // The same source as the triangle: the read replica when one is configured. A page at a time;
  // a page number that is not one reads page 1.
  const cell = await inFirm(await readDb(), actor.firmId, (db) => cohortClients(db, actor, filters, cohort, Number(kText), Number(one(sp.page) || "1")));
  if (!cell) notFound();
  const pageHref = pageHrefs("/portfolio/cohorts/clients", sp);
  const last = pastTheEnd(cell, cell.clients.length, pageHref);
  if (last) redirect(last);
  const [t, format] = await Promise.all([getTranslations("cohorts.drill"), getFormatter()]);

  return (
    <section className="min-w-0">
      <PageHeader
        title={t("title", { cohort: formatMonth(format, cell.cohort), k: cell.k })}
        subtitle={t("subtitle", { count: cell.total, day: formatDay(format, cell.asOf), reached: cell.reached })}
        actions={<IntentLink href={`/portfolio/cohorts?${filterQuery(filters)}`} className={`text-sm ${linkClass}`}>{t("back")}</IntentLink>}
      />
      {cell.clients.length === 0 ? (
        <p className={`text-sm ${mutedClass}`}>{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("table")}>
          <table className={tableClass} aria-label={t("table")}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{t("col.client")}</th>
                <th scope="col" className={thClass}>{t("col.consultant")}</th>
                <th scope="col" className={thClass}>{t("col.stage")}</th>
                <th scope="col" className={thClass}>{t("col.reached")}</th>
              </tr>
            </thead>
            <tbody>
              {cell.clients.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className={`${tdClass} text-left font-normal`}><RowLink href={`/clients/${c.id}`} className={linkClass}>{c.name}</RowLink></th>
                  <td className={tdClass}>{c.consultantName ?? t("unassigned")}</td>
                  <td className={tdClass}><StageBadge stage={c.stage} compact /></td>
                  <td className={tdClass}>{c.atOrAbove4 ? t("yes") : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pager page={cell.page} pageCount={cell.pageCount} href={pageHref} />
    </section>
  );
}
