import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { agreementClients, type AgreementDrill } from "@/db/queries/insight/agreement";
import { Pager } from "@/components/clients/Pager";
import { pageHrefs, pastTheEnd } from "@/components/clients/paging-links";
import { oneParam } from "@/lib/http/search-params";
import { portfolioFilterOptions } from "@/db/queries/portfolio";
import { requirePermission } from "@/lib/auth/actor";
import { inFirm } from "@/db/tenant";
import { readDb } from "@/db/replica";
import { PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { formatDay } from "@/lib/i18n/format";
import { agreementDrillFrom, agreementFiltersFrom, agreementHref, type SearchParams } from "../filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement.drill");
  return { title: t("metaTitle") };
}

/** The clients behind a matrix cell, a consultant's row or a comparison's disagreements. */
export default async function AgreementClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const sp = await searchParams;
  const filters = agreementFiltersFrom(sp);
  const drill = agreementDrillFrom(sp);
  if (!drill) notFound();
  const page = Number(oneParam(sp.page) || "1");
  const [found, options] = await inFirm(await readDb(), actor.firmId, (db) => Promise.all([agreementClients(db, actor, filters, drill, page), portfolioFilterOptions(db, actor)]));
  // A malformed consultant id or stage: nothing to list, as for an unknown drill.
  if (!found) notFound();
  const { rows, total, pageCount } = found;
  const pageHref = pageHrefs("/portfolio/agreement/clients", sp);
  const last = pastTheEnd(found, rows.length, pageHref);
  if (last) redirect(last);
  const [t, format] = await Promise.all([getTranslations("agreement.drill"), getFormatter()]);

  const title = (d: AgreementDrill) =>
    d.inferred !== undefined && d.other !== undefined
      ? t(`${d.against}.cell`, { inferred: d.inferred, other: d.other })
      : t(`${d.against}.${d.disagreeOnly ? "disagree" : "all"}`);
  function who(d: AgreementDrill): string | null {
    if (d.consultantId === undefined) return null;
    if (d.consultantId === null) return t("ofNobody");
    // A former consultant is no longer among the options: the list still shows their name per row.
    const name = options?.consultants.find((c) => c.id === d.consultantId)?.name;
    return name ? t("ofConsultant", { name }) : t("ofOneConsultant");
  }
  const subtitle = [who(drill), t("subtitle", { count: total })].filter(Boolean).join(" · ");

  return (
    <section className="min-w-0">
      <PageHeader title={title(drill)} subtitle={subtitle} actions={<IntentLink href={agreementHref(filters)} className={`text-sm ${linkClass}`}>{t("back")}</IntentLink>} />
      {rows.length === 0 ? (
        <p className={`text-sm ${mutedClass}`}>{t("empty")}</p>
      ) : (
        <>
          <p id="agreement-difference-help" className={`mb-2 max-w-prose text-sm ${mutedClass}`}>{t("differenceHelp")}</p>
          <ScrollRegion label={t("table")}>
            <table className={tableClass} aria-label={t("table")}>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>{t("col.client")}</th>
                  <th scope="col" className={thClass}>{t("col.consultant")}</th>
                  <th scope="col" className={thClass}>{t("col.inferred")}</th>
                  <th scope="col" className={thClass}>{t(`col.${drill.against}`)}</th>
                  {drill.against === "self" ? <th scope="col" className={thClass}>{t("col.answered")}</th> : null}
                  <th scope="col" className={`${thClass} text-right`} aria-describedby="agreement-difference-help">{t("col.difference")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <td className={tdClass}><RowLink href={`/clients/${c.id}`} className={linkClass}>{c.name}</RowLink></td>
                    <td className={tdClass}>{c.consultantName ?? t("unassigned")}</td>
                    <td className={tdClass}><StageBadge stage={c.inferred} compact /></td>
                    <td className={tdClass}><StageBadge stage={c.other} compact /></td>
                    {drill.against === "self" ? <td className={`${tdClass} whitespace-nowrap`}>{c.otherDate ? formatDay(format, c.otherDate) : null}</td> : null}
                    <td className={`${tdClass} text-right tabular-nums`}>{format.number(c.difference, { signDisplay: "exceptZero" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      <Pager page={found.page} pageCount={pageCount} href={pageHref} />
    </section>
  );
}
