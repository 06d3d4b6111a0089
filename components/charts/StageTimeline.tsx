// The client's stage over time: the figure, its legend and its data table, rendered on the server;
// the drawing (StageTimelineDrawing, recharts) arrives when the figure nears the screen. The
// drawing is hidden from screen readers and adds no Tab stop; the same points are a table behind
// "Show data". A single check-in is drawn as one labelled dot, not an empty axis.
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartData } from "./ChartData";
import { CHART_FRAME } from "./theme";
import { kindOf, latestInferred, timelineRows, type StageTimelineText, type TimelinePoint } from "./timeline-data";
import { LazyStageTimeline } from "./WhenVisible";
import { useChartWords } from "./words";

export type { StageTimelineText, TimelinePoint } from "./timeline-data";

export function StageTimeline({ points, text, height = 260 }: { points: TimelinePoint[]; text: StageTimelineText; height?: number }) {
  const w = useChartWords();
  const rows = timelineRows(points);
  const inferredCount = points.filter((p) => p.kind === "inferred").length;
  const latest = latestInferred(points);
  const stageLabel = (s: number) => text.stageLabels[s] ?? w.stageLabel(s);
  return (
    <figure data-testid="stage-timeline" data-points={inferredCount} data-latest-stage={latest?.stage ?? ""} aria-label={text.title} className={`m-0 min-w-0 max-w-full ${CHART_FRAME}`}>
      <LazyStageTimeline points={points} text={text} height={height} />
      {inferredCount === 1 && latest ? <p className="mt-1 text-xs">{w.t("timeline.onePoint", { date: w.day(latest.date), stage: stageLabel(latest.stage) })}</p> : null}
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200" aria-label={w.t("legend")}>
        <li className="inline-flex items-center gap-1">
          <svg aria-hidden="true" width="14" height="10"><line x1="0" y1="5" x2="14" y2="5" stroke="currentColor" strokeWidth="2" /><circle cx="7" cy="5" r="3" fill="currentColor" /></svg>
          {text.inferred}
        </li>
        <li className="inline-flex items-center gap-1">
          <svg aria-hidden="true" width="12" height="12"><path d="M6,0L12,6L6,12L0,6Z" fill="currentColor" /></svg>
          {text.override}
        </li>
        <li className="inline-flex items-center gap-1">
          <svg aria-hidden="true" width="12" height="12"><path d="M6,1L11,6L6,11L1,6Z" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
          {text.withdrawn}
        </li>
      </ul>
      <ChartData title={text.title}>
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col" className={thClass}>{text.date}</th>
              <th scope="col" className={thClass}>{text.stage}</th>
              <th scope="col" className={thClass}>{text.kind}</th>
              <th scope="col" className={thClass}>{text.why}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-kind={r.point.kind}>
                <td className={`${tdClass} whitespace-nowrap`}>{w.day(r.date)}</td>
                <td className={`${tdClass} min-w-32`}>{stageLabel(r.point.stage)}</td>
                <td className={tdClass}>{kindOf(r.point, text)}</td>
                <td className={`${tdClass} min-w-48`}>{r.point.reasons.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartData>
    </figure>
  );
}
