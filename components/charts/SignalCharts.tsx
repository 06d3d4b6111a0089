// Small charts of what the consultant observed over time: posting, automation, followers.
// Rendered on the server: each figure, its caption and one table of the numbers behind "Show
// data"; each drawing (SignalDrawing, recharts) arrives when it nears the screen, hidden from screen
// readers and with no Tab stop. A single check-in is one labelled dot on its date, not an empty axis.
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartData } from "./ChartData";
import type { SignalDatum as Datum } from "./SignalDrawing";
import { CHART_FRAME, chartColor } from "./theme";
import { LazySignalChart } from "./WhenVisible";
import { useChartWords } from "./words";

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

const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");

function Small({ title, data, dataKey, color, percent }: { title: string; data: Datum[]; dataKey: "posts" | "automated" | "followers"; color: string; percent?: boolean }) {
  return (
    <figure
      className={`m-0 min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900 ${CHART_FRAME}`}
      data-testid={`signal-${dataKey}`}
    >
      <figcaption className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-100">{title}</figcaption>
      <LazySignalChart height={140} title={title} data={data} dataKey={dataKey} color={color} percent={percent} />
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
        <Small title={text.posts} data={data} dataKey="posts" color={chartColor.posts} />
        <Small title={text.automated} data={data} dataKey="automated" color={chartColor.automated} percent />
        {hasFollowers ? <Small title={text.followers} data={data.filter((d) => d.followers !== null)} dataKey="followers" color={chartColor.followers} /> : null}
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
