import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getAgreement, AGREEMENT_AGAINST, type AgreementFigures } from "@/db/queries/insight/agreement";
import { portfolioFilterOptions } from "@/db/queries/portfolio";
import { requirePermission } from "@/lib/auth/actor";
import { inFirm } from "@/db/tenant";
import { readDb } from "@/db/replica";
import { Card, PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageBadge } from "@/components/stage/StageBadge";
import { AgreementMatrix } from "@/components/insight/AgreementMatrix";
import { AgreementShares } from "@/components/insight/AgreementShares";
import { AgreementFilterBar } from "@/components/insight/AgreementFilterBar";
import { agreementClientsHref, agreementFiltersFrom, type SearchParams } from "../filters";

// In its own route group so that loading.tsx wraps this page only: the drill-down answers 404
// for a drill it does not know, which a loading boundary above it would turn into a 200.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreement");
  return { title: t("metaTitle") };
}

const STAGES = [1, 2, 3, 4, 5, 6];

export default async function AgreementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("portfolio.read");
  const filters = agreementFiltersFrom(await searchParams);
  const [t, format] = await Promise.all([getTranslations("agreement"), getFormatter()]);
  // The same source as the portfolio: the read replica when one is configured.
  const [a, options] = await inFirm(await readDb(), actor.firmId, (db) => Promise.all([getAgreement(db, actor, filters), portfolioFilterOptions(db, actor)]));
  if (!options) return <p role="alert">{t("badFilters")}</p>;
  const bar = <AgreementFilterBar action="/portfolio/agreement" consultantId={filters.consultantId ?? null} industry={filters.industry ?? null} consultants={options.consultants} industries={options.industries} />;
  if (!a) {
    return (
      <section className="min-w-0">
        <PageHeader title={t("title")} />
        {bar}
        <p role="alert">{t("badFilters")}</p>
      </section>
    );
  }
  const f = a.filters;
  const num = (n: number) => format.number(n);
  const share = (s: number | null) => (s === null ? t("noShare") : format.number(s, { style: "percent", maximumFractionDigits: 0 }));
  const unassigned = t("consultants.unassigned");

  return (
    <section className="min-w-0">
      <PageHeader title={t("title")} subtitle={t("subtitle", { clients: a.clients, withStage: a.withStage })} />
      {bar}
      <p className={`mb-4 max-w-prose text-sm ${mutedClass}`}>{t("intro")}</p>

      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        {AGREEMENT_AGAINST.map((against) => {
          const s = a[against];
          const title = t(`against.${against}.title`);
          const disagree = s.total - s.exact;
          return (
            <Card key={against} title={title}>
              <p className={`mb-2 text-sm ${mutedClass}`}>{t(`against.${against}.pairs`, { count: s.total })}</p>
              {s.total === 0 ? <p className={`mb-2 text-sm ${mutedClass}`}>{t(`against.${against}.empty`)}</p> : <AgreementShares summary={s} />}
              <AgreementMatrix
                against={against}
                title={title}
                matrix={s.matrix}
                hrefs={STAGES.map((inferred) => STAGES.map((other) => agreementClientsHref(f, { against, inferred, other })))}
              />
              {disagree > 0 ? (
                <p className="mt-3 text-sm">
                  <a className={linkClass} href={agreementClientsHref(f, { against, disagreeOnly: true })}>{t(`against.${against}.disagree`, { count: disagree })}</a>
                </p>
              ) : null}
            </Card>
          );
        })}
      </div>

      <Card title={t("consultants.title")} className="mt-4">
        {a.consultants.length === 0 ? (
          <p className={`text-sm ${mutedClass}`}>{t("consultants.empty")}</p>
        ) : (
          <ScrollRegion label={t("consultants.table")}>
            <table className={tableClass} aria-label={t("consultants.table")}>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2} className={thClass}>{t("consultants.consultant")}</th>
                  <th scope="col" rowSpan={2} className={`${thClass} text-right`}>{t("consultants.clients")}</th>
                  <th scope="col" rowSpan={2} className={`${thClass} text-right`}>{t("consultants.withStage")}</th>
                  {AGREEMENT_AGAINST.map((against) => (
                    <th key={against} id={`agreement-${against}`} scope="colgroup" colSpan={3} className={`${thClass} text-center`}>{t(`against.${against}.column`)}</th>
                  ))}
                </tr>
                <tr>
                  {AGREEMENT_AGAINST.map((against) => (
                    <SubHeaders key={against} against={against} labels={[t("consultants.pairs"), t("consultants.exact"), t("consultants.withinOne")]} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {a.consultants.map((c) => {
                  const name = c.consultantName ?? unassigned;
                  const cells = (against: (typeof AGREEMENT_AGAINST)[number], fig: AgreementFigures) => [
                    <td key={`${against}-n`} className={`${tdClass} text-right`}>
                      {fig.total > 0 ? (
                        <a
                          className={linkClass}
                          href={agreementClientsHref(f, { against, consultantId: c.consultantId })}
                          aria-label={t("consultants.pairsLink", { name, count: fig.total, against: t(`against.${against}.column`) })}
                        >
                          {num(fig.total)}
                        </a>
                      ) : (
                        num(0)
                      )}
                    </td>,
                    <td key={`${against}-e`} className={`${tdClass} text-right tabular-nums`}>{share(fig.exactShare)}</td>,
                    <td key={`${against}-w`} className={`${tdClass} text-right tabular-nums`}>{share(fig.withinOneShare)}</td>,
                  ];
                  return (
                    <tr key={c.consultantId ?? "none"}>
                      <th scope="row" className={`${tdClass} text-left font-normal`}>{name}</th>
                      <td className={`${tdClass} text-right`}>{num(c.clients)}</td>
                      <td className={`${tdClass} text-right`}>{num(c.withStage)}</td>
                      {cells("override", c.override)}
                      {cells("self", c.self)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <Card title={t("stagesTitle")} className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {STAGES.map((s) => (
            <li key={s}>
              <StageBadge stage={s} />
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}

/** The three sub-headers of one comparison's column group. */
function SubHeaders({ against, labels }: { against: string; labels: string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" headers={`agreement-${against}`} className={`${thClass} text-right`}>{label}</th>
      ))}
    </>
  );
}
