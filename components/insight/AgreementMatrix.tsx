// The inferred stage (rows) against a person's stage (columns): an override or a self-assessment.
// The diagonal (agree exactly) is the strongest shade and bold, the cells one stage off a lighter
// one, so agreement reads as a band; every non-empty cell links to its clients. Each shade has a
// text colour of at least 4.5:1 on it in both themes. A plain table: works as a server component.
import { useFormatter, useTranslations } from "next-intl";
import { ScrollRegion, focusClass } from "@/components/ui/primitives";
import { EmptyMatrixCell, SwatchLegend } from "@/components/charts/MatrixParts";
import type { AgreementAgainst } from "@/lib/insight/agreement";

const STAGES = [1, 2, 3, 4, 5, 6];

const SHADE = {
  exact: "bg-emerald-200 font-semibold text-emerald-950 dark:bg-emerald-800 dark:text-white",
  withinOne: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  apart: "",
} as const;

export function agreementBand(inferred: number, other: number): keyof typeof SHADE {
  const gap = Math.abs(inferred - other);
  return gap === 0 ? "exact" : gap === 1 ? "withinOne" : "apart";
}

export function AgreementMatrix({ against, matrix, hrefs, title }: { against: AgreementAgainst; matrix: number[][]; hrefs: string[][]; title: string }) {
  const t = useTranslations("agreement");
  const format = useFormatter();
  const num = (n: number) => format.number(n);
  const head = "p-1 text-xs font-medium text-slate-600 dark:text-slate-300";
  return (
    <div className="min-w-0">
      <ScrollRegion label={title}>
        <table aria-label={title} className="w-full min-w-[18rem] border-collapse text-center text-sm">
          <thead>
            <tr>
              <th scope="col" className={`${head} text-left`}>{t(`against.${against}.corner`)}</th>
              {STAGES.map((s) => (
                <th key={s} scope="col" className={head}>
                  <span className="sr-only">{t(`against.${against}.colStage`, { stage: s })}</span>
                  <span aria-hidden="true">{num(s)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STAGES.map((inferred) => (
              <tr key={inferred}>
                <th scope="row" className={`${head} text-left`}>
                  <span className="sr-only">{t("rowStage", { stage: inferred })}</span>
                  <span aria-hidden="true">{num(inferred)}</span>
                </th>
                {STAGES.map((other) => {
                  const count = matrix[inferred - 1]?.[other - 1] ?? 0;
                  const href = hrefs[inferred - 1]?.[other - 1];
                  return (
                    <td key={other} className={`border border-slate-200 p-0 dark:border-slate-700 ${SHADE[agreementBand(inferred, other)]}`}>
                      {count > 0 && href ? (
                        <a
                          href={href}
                          className={`block min-h-8 min-w-8 p-1.5 underline-offset-2 hover:underline ${focusClass}`}
                          aria-label={t(`against.${against}.cell`, { inferred, other, count })}
                        >
                          {num(count)}
                        </a>
                      ) : (
                        <EmptyMatrixCell zero={num(0)} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <SwatchLegend
        items={[
          { swatch: "border border-emerald-700 bg-emerald-200 dark:border-emerald-300 dark:bg-emerald-800", label: t("legend.exact") },
          { swatch: "border border-emerald-700 bg-emerald-50 dark:border-emerald-300 dark:bg-emerald-950", label: t("legend.withinOne") },
        ]}
      />
    </div>
  );
}
