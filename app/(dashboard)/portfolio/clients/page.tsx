import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { portfolioClientsPage, type Drill } from "@/db/queries/portfolio";
import { Pager } from "@/components/clients/Pager";
import { pageHrefs, pastTheEnd } from "@/components/clients/paging-links";
import { requirePermission } from "@/lib/auth/actor";
import { inFirm } from "@/db/tenant";
import { readDb } from "@/db/replica";
import { PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { formatDay, formatMonth } from "@/lib/i18n/format";
import { filterQuery, filtersFrom, type SearchParams } from "../filters";
import { todayFor } from "@/lib/time/zone";
import { oneParam as one } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio.drill");
  return { title: t("metaTitle") };
}

function drillFrom(sp: SearchParams): Drill | null {
  const int = (k: string) => (/^[1-6]$/.test(one(sp[k])) ? Number(one(sp[k])) : undefined);
  const consultant = one(sp.byConsultant);
  if (one(sp.flowFrom) && one(sp.flowTo)) {
    const from = int("flowFrom"), to = int("flowTo");
    return from && to ? { kind: "flow", from, to } : null;
  }
  if (one(sp.spell)) return int("spell") ? { kind: "spell", stage: int("spell")! } : null;
  if (one(sp.month)) return int("stage") ? { kind: "month", month: one(sp.month), stage: int("stage")! } : null;
  if (consultant) return { kind: "consultant", consultantId: consultant === "none" ? null : consultant, stage: int("stage") };
  if (one(sp.stage)) return int("stage") ? { kind: "stage", stage: int("stage")! } : null;
  return { kind: "all" };
}

export default async function PortfolioClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const sp = await searchParams;
  const today = todayFor(actor);
  const filters = filtersFrom(sp, today);
  const drill = drillFrom(sp);
  if (!drill) notFound();
  // A consultant drill narrows the list to that consultant; the portfolio filter stays as it was.
  // The same source as the portfolio's charts: the read replica when one is configured.
  // A page of the list at a time: a bar of a 10,000-client firm holds thousands of clients, and
  // drawing them all took seconds and megabytes (docs/performance.md, Stop 30).
  // A page number that is not one reads page 1 (portfolioClientsPage).
  const found = await inFirm(await readDb(), actor.firmId, (db) =>
    portfolioClientsPage(db, actor, drill.kind === "consultant" ? { ...filters, consultantId: null } : filters, drill, Number(one(sp.page) || "1")),
  );
  if (!found) notFound();
  const { rows, total, page, pageCount } = found;
  const pageHref = pageHrefs("/portfolio/clients", sp);
  const last = pastTheEnd(found, rows.length, pageHref);
  if (last) redirect(last);
  const [t, format] = await Promise.all([getTranslations("portfolio.drill"), getFormatter()]);
  const day = (iso: string) => formatDay(format, iso);

  function describe(d: Drill): string {
    switch (d.kind) {
      case "stage": return t("stage", { stage: d.stage });
      case "month": return t("month", { stage: d.stage, month: /^\d{4}-\d{2}$/.test(d.month) ? formatMonth(format, d.month) : d.month });
      case "flow": return t("flow", { from: d.from, to: d.to });
      case "spell": return t("spell", { stage: d.stage });
      case "consultant": return d.stage ? t("consultantStage", { stage: d.stage }) : t("consultant");
      case "all": return t("all");
    }
  }

  return (
    <section className="min-w-0">
      <PageHeader
        title={describe(drill)}
        subtitle={t("subtitle", { count: total, from: day(filters.from), to: day(filters.to) })}
        actions={<IntentLink href={`/portfolio?${filterQuery(filters)}`} className={`text-sm ${linkClass}`}>{t("back")}</IntentLink>}
      />
      {rows.length === 0 ? (
        <p className={`text-sm ${mutedClass}`}>{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("table")}>
          <table className={tableClass} aria-label={t("table")}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{t("col.client")}</th>
                <th scope="col" className={thClass}>{t("col.industry")}</th>
                <th scope="col" className={thClass}>{t("col.consultant")}</th>
                <th scope="col" className={thClass}>{t("col.stage")}</th>
                <th scope="col" className={thClass}>{t("col.lastCheckIn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td className={tdClass}><RowLink href={`/clients/${c.id}`} className={linkClass}>{c.name}</RowLink></td>
                  <td className={tdClass}>{c.industry ?? t("none")}</td>
                  <td className={tdClass}>{c.consultantName ?? t("unassigned")}</td>
                  <td className={tdClass}><StageBadge stage={c.stage} compact /></td>
                  <td className={`${tdClass} whitespace-nowrap`}>{c.lastCheckIn ? day(c.lastCheckIn) : t("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pager page={page} pageCount={pageCount} href={pageHref} />
    </section>
  );
}
