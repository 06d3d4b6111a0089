"use client";

// The stage timeline's drawing (recharts): a step line of the inferred stage, one point per
// check-in, and the consultant's overrides as diamonds, so the two are never confused. Loaded only
// when the chart nears the screen (WhenVisible.tsx); the figure, legend and table around it are
// StageTimeline.tsx.
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_COLORS, STAGE_TICKS, chartColor } from "./theme";
import { kindOf, latestInferred, timelineRows, type StageTimelineText, type TimelinePoint, type TimelineRow as Row } from "./timeline-data";
import { useChartWords, type ChartWords } from "./words";

const DAY_MS = 86_400_000;

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

export function StageTimelineDrawing({ points, text }: { points: TimelinePoint[]; text: StageTimelineText }) {
  const w = useChartWords();
  const rows = timelineRows(points);
  const inferredCount = points.filter((p) => p.kind === "inferred").length;
  const latest = latestInferred(points);
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? 0;
  const span = last - first;
  // One day on the axis (a single check-in, or several on one day): centre it with two weeks either side.
  const oneDay = rows.length > 0 && span === 0;
  const pad = oneDay ? 14 * DAY_MS : Math.max(3 * DAY_MS, span * 0.02);
  const stageLabel = (s: number) => text.stageLabels[s] ?? w.stageLabel(s);
  return (
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
