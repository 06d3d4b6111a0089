// The cohort triangle: a row per cohort (the month of the first check-in, with its size), a column
// per month since then, each cell the share at stage 4+ on a sequential colour scale and a link to
// its clients. Cells past the range end stay blank. The numbers are always written in the cell, so
// colour is never the only carrier; each step picks its own text colour (./CohortScale.ts).
// No "use client": a server component renders it, with next-intl's hooks.
import { useFormatter, useTranslations } from "next-intl";
import { ScrollRegion, mutedClass } from "@/components/ui/primitives";
import { formatMonth } from "@/lib/i18n/format";
import { COHORT_CELL_CLASS, COHORT_SCALE, cohortCellStyle } from "./CohortScale";

export interface CohortTableCell {
  k: number;
  clients: number;
  atOrAbove4: number;
  share: number | null;
  href: string;
}
export interface CohortTableRow {
  /** YYYY-MM */
  cohort: string;
  size: number;
  cells: CohortTableCell[];
}

const headClass = "border-b border-slate-200 p-2 text-xs font-medium text-slate-600 dark:border-slate-700 dark:text-slate-300";
// The row header stays in view while the months scroll sideways on a phone.
const rowHeadClass = "sticky left-0 z-10 whitespace-nowrap border-b border-slate-100 bg-white p-2 text-left font-normal dark:border-slate-800 dark:bg-slate-900";
// The focus ring in the cell's own text colour, inside the cell: visible on every step of the scale.
const cellLinkClass = "block min-h-9 min-w-12 px-2 py-2 font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-current";

export function CohortTable({ rows, title }: { rows: CohortTableRow[]; title: string }) {
  const t = useTranslations("cohorts.triangle");
  const format = useFormatter();
  const num = (n: number) => format.number(n);
  const pct = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  const ks = Array.from({ length: columns }, (_, k) => k);
  return (
    <div className="min-w-0">
      <p className={`mb-1 text-xs ${mutedClass}`} aria-hidden="true">{t("monthsSince")} →</p>
      <ScrollRegion label={title}>
        <table aria-label={title} className="w-full border-collapse bg-white text-center text-sm dark:bg-slate-900">
          <thead>
            <tr>
              <th scope="col" className={`${headClass} sticky left-0 z-10 bg-white text-left dark:bg-slate-900`}>{t("corner")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("size")}</th>
              {ks.map((k) => (
                <th key={k} scope="col" className={headClass}>
                  <span className="sr-only">{t("month", { k })}</span>
                  <span aria-hidden="true">{num(k)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = formatMonth(format, r.cohort);
              return (
                <tr key={r.cohort}>
                  <th scope="row" className={rowHeadClass}>{label}</th>
                  <td className="border-b border-slate-100 p-2 text-right tabular-nums dark:border-slate-800">{num(r.size)}</td>
                  {ks.map((k) => {
                    const cell = r.cells[k];
                    if (!cell) return <td key={k} className="border border-transparent p-0" />;
                    if (cell.share === null) {
                      return (
                        <td key={k} className="border border-slate-200 p-0 dark:border-slate-700">
                          <a href={cell.href} className={`${cellLinkClass} ${mutedClass}`} aria-label={t("noneLeft")}>–</a>
                        </td>
                      );
                    }
                    const share = pct(cell.share);
                    return (
                      <td key={k} className={`border border-white p-0 tabular-nums dark:border-slate-900 ${COHORT_CELL_CLASS}`} style={cohortCellStyle(cell.share)}>
                        <a
                          href={cell.href}
                          className={cellLinkClass}
                          aria-label={t("cell", { share, reached: cell.atOrAbove4, clients: cell.clients, cohort: label, k })}
                        >
                          {share}
                        </a>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <CohortScaleLegend />
    </div>
  );
}

/** The scale's steps as swatches beside plain text. */
function CohortScaleLegend() {
  const t = useTranslations("cohorts.triangle");
  const format = useFormatter();
  const pct = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  return (
    <ul aria-label={t("scale")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200">
      {COHORT_SCALE.map((s, i) => {
        const next = COHORT_SCALE[i + 1];
        // "20% to 39%": whole percentages, as the cells show them and cohortStep reads them.
        const high = next ? pct(next.from - 0.01) : pct(1);
        return (
          <li key={s.from} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-5 rounded-sm ring-1 ring-slate-300 dark:ring-slate-600 ${COHORT_CELL_CLASS}`} style={cohortCellStyle(s.from)} />
            {t("scaleStep", { low: pct(s.from), high })}
          </li>
        );
      })}
    </ul>
  );
}
