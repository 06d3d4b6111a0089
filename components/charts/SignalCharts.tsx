"use client";

// Small charts of what the consultant observed over time: posting, automation, followers.
// Each drawing is hidden from screen readers and adds no Tab stop; the numbers are one table
// behind "Show data". A single check-in is one labelled dot on its date, not an empty axis.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartData } from "./ChartFigure";
import { AXIS, CHART_FRAME, GRID, TOOLTIP, chartColor } from "./theme";
import { useChartWords, type ChartWords } from "./words";

export interface SignalPoint {
  date: string; // YYYY-MM-DD
  posts: number;
  automatedShare: number; // 0-1
  followers: number | null;
}

export interface SignalChartsText {
  posts: string;
  automated: string;
  followers: string;
}

type Datum = { t: number; date: string; posts: number; automated: number; followers: number | null };

const DAY_MS = 86_400_000;
const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");

function Small({ title, data, dataKey, color, percent, w }: { title: string; data: Datum[]; dataKey: "posts" | "automated" | "followers"; color: string; percent?: boolean; w: ChartWords }) {
  const value = (v: unknown) => (percent ? w.percent(Number(v)) : w.number(Number(v)));
  const first = data[0]?.t ?? 0;
  const last = data.at(-1)?.t ?? 0;
  const oneDay = data.length > 0 && first === last;
  const pad = oneDay ? 14 * DAY_MS : 0;
  const single = data.length === 1;
  return (
    <figure
      className={`m-0 min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900 ${CHART_FRAME}`}
      data-testid={`signal-${dataKey}`}
    >
      <figcaption className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-100">{title}</figcaption>
      <div aria-hidden="true" className="w-full min-w-0" style={{ height: 140 }}>
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <LineChart accessibilityLayer={false} data={data} margin={{ top: single ? 20 : 6, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis
              {...AXIS}
              dataKey="t"
              type="number"
              scale="utc"
              domain={oneDay ? [first - pad, last + pad] : ["dataMin", "dataMax"]}
              ticks={oneDay ? [first] : undefined}
              minTickGap={16}
              tickFormatter={(t: number) => (oneDay || last - first < 75 * DAY_MS ? w.dayOf(t) : w.month(t))}
            />
            <YAxis {...AXIS} width={44} domain={percent ? [0, 100] : [0, "auto"]} allowDecimals={false} tickFormatter={value} />
            <Tooltip {...TOOLTIP} cursor={{ stroke: chartColor.line }} labelFormatter={(t) => w.dayOf(t)} formatter={(v) => [value(v), title]} />
            <Line
              dataKey={dataKey}
              type="monotone"
              stroke={color}
              strokeWidth={2}
              dot={{ r: single ? 6 : 2, fill: color, stroke: color }}
              activeDot={{ r: single ? 7 : 4, stroke: chartColor.surface }}
              label={single ? { position: "top", fill: "currentColor", fontSize: 12, fontWeight: 600, formatter: value } : false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function SignalCharts({ points, text }: { points: SignalPoint[]; text: SignalChartsText }) {
  const w = useChartWords();
  const data: Datum[] = points
    .map((p) => ({ t: dayMs(p.date), date: p.date, posts: p.posts, automated: Math.round(p.automatedShare * 100), followers: p.followers }))
    .sort((a, b) => a.t - b.t);
  const hasFollowers = points.some((p) => p.followers !== null);
  return (
    <div className="min-w-0">
      <div className={`grid gap-3 ${hasFollowers ? "md:grid-cols-3" : "md:grid-cols-2"}`}>
        <Small title={text.posts} data={data} dataKey="posts" color={chartColor.posts} w={w} />
        <Small title={text.automated} data={data} dataKey="automated" color={chartColor.automated} percent w={w} />
        {hasFollowers ? <Small title={text.followers} data={data.filter((d) => d.followers !== null)} dataKey="followers" color={chartColor.followers} w={w} /> : null}
      </div>
      {points.length === 1 ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{w.t("signals.onePoint")}</p> : null}
      <ChartData title={w.t("signals.title")}>
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col" className={thClass}>{w.t("col.date")}</th>
              <th scope="col" className={`${thClass} text-right`}>{text.posts}</th>
              <th scope="col" className={`${thClass} text-right`}>{text.automated}</th>
              {hasFollowers ? <th scope="col" className={`${thClass} text-right`}>{text.followers}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={i}>
                <th scope="row" className={`${tdClass} whitespace-nowrap text-left font-normal`}>{w.day(d.date)}</th>
                <td className={`${tdClass} text-right`}>{w.number(d.posts)}</td>
                <td className={`${tdClass} text-right`}>{w.percent(d.automated)}</td>
                {hasFollowers ? <td className={`${tdClass} text-right`}>{d.followers === null ? "—" : w.number(d.followers)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartData>
    </div>
  );
}
