"use client";

// The client's stage over time: a step line of the inferred stage (one point per check-in)
// and the consultant's overrides as diamonds, so the two are never confused.
// The drawing is hidden from screen readers and adds no Tab stop; the same points are a table
// behind "Show data". A single check-in is drawn as one labelled dot, not an empty axis.
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartData } from "./ChartFigure";
import { AXIS, CHART_FRAME, GRID, STAGE_COLORS, STAGE_TICKS, chartColor } from "./theme";
import { useChartWords, type ChartWords } from "./words";

export interface TimelinePoint {
  date: string; // YYYY-MM-DD
  stage: number; // 1-6
  kind: "inferred" | "override";
  /** Top reasons for an inference, or the override's reason. */
  reasons: string[];
  /** Withdrawn overrides are drawn hollow. */
  withdrawn?: boolean;
}

export interface StageTimelineText {
  title: string;
  inferred: string;
  override: string;
  withdrawn: string;
  /** "Stage 3: It's not working", by stage number (plain data: this crosses to the browser). */
  stageLabels: Record<number, string>;
  date: string;
  stage: string;
  kind: string;
  why: string;
}

interface Row {
  t: number;
  date: string;
  inferred: number | null;
  override: number | null;
  point: TimelinePoint;
}

const DAY_MS = 86_400_000;
const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");

function Diamond(props: { cx?: number; cy?: number; payload?: Row }) {
  const { cx, cy, payload } = props;
  // Scatter calls the shape for every row, check-ins included: draw only the overrides.
  if (cx === undefined || cy === undefined || !payload || payload.override === null || !Number.isFinite(cy)) return <g />;
  const s = 7;
  const color = STAGE_COLORS[payload.point.stage]?.hex ?? "#64748b";
  return (
    <path
      d={`M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z`}
      fill={payload.point.withdrawn ? chartColor.surface : color}
      stroke={color}
      strokeWidth={2}
      data-kind="override"
    />
  );
}

function InferredDot(props: { cx?: number; cy?: number; payload?: Row; index?: number; single?: boolean; label?: string }) {
  const { cx, cy, payload, single, label } = props;
  if (cx === undefined || cy === undefined || !payload || payload.inferred === null) return <g key={props.index} />;
  const fill = STAGE_COLORS[payload.inferred]?.hex ?? "#64748b";
  return (
    <g key={props.index}>
      <circle cx={cx} cy={cy} r={single ? 7 : 4} fill={fill} stroke={chartColor.surface} strokeWidth={single ? 2 : 1} data-kind="inferred" />
      {single && label ? (
        <text x={cx} y={cy > 30 ? cy - 14 : cy + 22} textAnchor="middle" fill="currentColor" fontSize={12} fontWeight={600}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

function kindOf(p: TimelinePoint, text: StageTimelineText): string {
  return p.kind === "override" ? (p.withdrawn ? text.withdrawn : text.override) : text.inferred;
}

export function StageTimeline({ points, text, height = 260 }: { points: TimelinePoint[]; text: StageTimelineText; height?: number }) {
  const w = useChartWords();
  const rows: Row[] = points
    .map((p) => ({ t: dayMs(p.date), date: p.date, inferred: p.kind === "inferred" ? p.stage : null, override: p.kind === "override" ? p.stage : null, point: p }))
    .sort((a, b) => a.t - b.t);
  const inferredCount = points.filter((p) => p.kind === "inferred").length;
  const latest = [...points].filter((p) => p.kind === "inferred").sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? 0;
  const span = last - first;
  // One day on the axis (a single check-in, or several on one day): centre it with two weeks either side.
  const oneDay = rows.length > 0 && span === 0;
  const pad = oneDay ? 14 * DAY_MS : Math.max(3 * DAY_MS, span * 0.02);
  const stageLabel = (s: number) => text.stageLabels[s] ?? w.stageLabel(s);
  return (
    <figure data-testid="stage-timeline" data-points={inferredCount} data-latest-stage={latest?.stage ?? ""} aria-label={text.title} className={`m-0 min-w-0 max-w-full ${CHART_FRAME}`}>
      <div aria-hidden="true" className="w-full min-w-0" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis
              {...AXIS}
              dataKey="t"
              type="number"
              scale="utc"
              domain={rows.length > 0 ? [first - pad, last + pad] : ["auto", "auto"]}
              ticks={oneDay ? [first] : undefined}
              minTickGap={16}
              tickFormatter={(t: number) => (oneDay || span < 75 * DAY_MS ? w.dayOf(t) : w.month(t))}
            />
            <YAxis {...AXIS} domain={[1, 6]} ticks={STAGE_TICKS} allowDecimals={false} width={28} tickFormatter={w.number} />
            <Tooltip cursor={{ stroke: chartColor.line }} content={(props) => <TimelineTooltip active={props.active} payload={props.payload as unknown as { payload: Row }[]} text={text} w={w} stageLabel={stageLabel} />} />
            <Line
              dataKey="inferred"
              name={text.inferred}
              type="stepAfter"
              stroke={chartColor.ink}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              dot={(p: object) => (
                <InferredDot {...(p as { cx?: number; cy?: number; payload?: Row; index?: number })} single={inferredCount === 1} label={latest ? w.stage(latest.stage) : undefined} />
              )}
              activeDot={{ r: 6, stroke: chartColor.surface }}
            />
            <Scatter dataKey="override" name={text.override} isAnimationActive={false} shape={(p: unknown) => <Diamond {...(p as { cx?: number; cy?: number; payload?: Row })} />} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
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

function TimelineTooltip({ active, payload, text, w, stageLabel }: { active?: boolean; payload?: { payload: Row }[]; text: StageTimelineText; w: ChartWords; stageLabel: (s: number) => string }) {
  const row = active && payload && payload.length > 0 ? payload[0]!.payload : null;
  if (!row) return null;
  const p = row.point;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-semibold">{w.day(p.date)}</p>
      <p className="flex items-center gap-1.5 font-medium">
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: STAGE_COLORS[p.stage]?.hex }} />
        {stageLabel(p.stage)} · {kindOf(p, text)}
      </p>
      {p.reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-4">
          {p.reasons.slice(0, 3).map((r) => <li key={r}>{r}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
