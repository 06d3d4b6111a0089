"use client";
// The cohorts as lines: months since the first check-in across, the share at stage 4+ up, one line
// per cohort. The page passes at most MAX_LINES cohorts (the latest) and says so; the triangle
// table above the chart has them all. The legend is HTML (dark text beside a swatch of the line).
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartFigure } from "@/components/charts/ChartFigure";
import { AXIS, GRID, TOOLTIP, chartColor } from "@/components/charts/theme";
import { useChartWords } from "@/components/charts/words";
import { COHORT_LINE_VARS, cohortDash, cohortLine } from "./CohortScale";

export interface CohortSeries {
  /** YYYY-MM */
  cohort: string;
  /** shares[k], 0..1; null where no client of the cohort was active (all archived). */
  shares: (number | null)[];
}

export function CohortChart({ series, title, note }: { series: CohortSeries[]; title: string; note?: string }) {
  const t = useTranslations("cohorts.chart");
  const w = useChartWords();
  const pct = (share: number) => w.percent(share * 100);
  const labels = series.map((s) => w.month(s.cohort));
  const months = Math.max(0, ...series.map((s) => s.shares.length));
  // One row per month since the start; each cohort's share in percent (so the axis reads 0-100).
  const data = Array.from({ length: months }, (_, k) => ({
    k,
    ...Object.fromEntries(series.map((s, i) => [`c${i}`, s.shares[k] === null || s.shares[k] === undefined ? null : Math.round(s.shares[k]! * 1000) / 10])),
  }));
  const table = (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col" className={thClass}>{t("legend")}</th>
          {data.map((d) => (
            <th key={d.k} scope="col" className={`${thClass} whitespace-nowrap text-right`}>{t("monthShort", { k: d.k })}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {series.map((s, i) => (
          <tr key={s.cohort}>
            <th scope="row" className={`${tdClass} whitespace-nowrap text-left font-normal`}>{labels[i]}</th>
            {data.map((d) => {
              const v = s.shares[d.k];
              return (
                <td key={d.k} className={`${tdClass} text-right tabular-nums`}>
                  {v === undefined ? "" : v === null ? "–" : pct(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const legend = (
    <ul aria-label={t("legend")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200">
      {series.map((s, i) => (
        <li key={s.cohort} className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" width="20" height="8" className="shrink-0">
            <line x1="0" y1="4" x2="20" y2="4" stroke={cohortLine(i)} strokeWidth="2.5" strokeDasharray={cohortDash(i)} />
          </svg>
          {labels[i]}
        </li>
      ))}
    </ul>
  );
  return (
    <div className={COHORT_LINE_VARS}>
      <ChartFigure title={title} className="h-72" legend={legend} note={note} table={table}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
          <CartesianGrid {...GRID} />
          <XAxis
            {...AXIS}
            dataKey="k"
            type="number"
            domain={[0, Math.max(1, months - 1)]}
            allowDecimals={false}
            tickFormatter={(k: number) => w.number(k)}
            label={{ value: t("months"), position: "insideBottom", offset: -10, fill: chartColor.text, fontSize: 12 }}
          />
          <YAxis {...AXIS} width={48} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => w.percent(v)} />
          <Tooltip
            {...TOOLTIP}
            cursor={{ stroke: chartColor.line }}
            labelFormatter={(k) => t("monthShort", { k: Number(k) })}
            formatter={(v, name) => [w.percent(Number(v)), name]}
          />
          {series.map((s, i) => (
            <Line
              key={s.cohort}
              dataKey={`c${i}`}
              name={labels[i]}
              type="linear"
              stroke={cohortLine(i)}
              strokeWidth={2}
              strokeDasharray={cohortDash(i)}
              dot={{ r: 2.5, fill: cohortLine(i), stroke: cohortLine(i) }}
              activeDot={{ r: 4, stroke: chartColor.surface }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartFigure>
    </div>
  );
}
