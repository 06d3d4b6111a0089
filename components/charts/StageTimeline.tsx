"use client";

// The client's stage over time: a step line of the inferred stage (one point per check-in)
// and the consultant's overrides as diamonds, so the two are never confused.
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_COLORS, STAGE_TICKS, TOOLTIP } from "./theme";
import { isoDay } from "@/lib/validation/primitives";

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

const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");
const fmtDate = (t: number) => isoDay(new Date(t));

function Diamond(props: { cx?: number; cy?: number; payload?: Row }) {
  const { cx, cy, payload } = props;
  // Scatter calls the shape for every row, check-ins included: draw only the overrides.
  if (cx === undefined || cy === undefined || !payload || payload.override === null || !Number.isFinite(cy)) return <g />;
  const s = 7;
  const color = STAGE_COLORS[payload.point.stage]?.hex ?? "#334155";
  return (
    <path
      d={`M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z`}
      fill={payload.point.withdrawn ? "#fff" : color}
      stroke={color}
      strokeWidth={2}
      data-kind="override"
    />
  );
}

function InferredDot(props: { cx?: number; cy?: number; payload?: Row; index?: number }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.inferred === null) return <g key={props.index} />;
  return <circle key={props.index} cx={cx} cy={cy} r={4} fill={STAGE_COLORS[payload.inferred]?.hex ?? "#334155"} stroke="#fff" strokeWidth={1} data-kind="inferred" />;
}

export function StageTimeline({ points, text, height = 260 }: { points: TimelinePoint[]; text: StageTimelineText; height?: number }) {
  const rows: Row[] = points
    .map((p) => ({ t: dayMs(p.date), date: p.date, inferred: p.kind === "inferred" ? p.stage : null, override: p.kind === "override" ? p.stage : null, point: p }))
    .sort((a, b) => a.t - b.t);
  const inferredCount = points.filter((p) => p.kind === "inferred").length;
  const latest = [...points].filter((p) => p.kind === "inferred").sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
  const pad = rows.length > 0 ? Math.max(86_400_000 * 3, (rows[rows.length - 1].t - rows[0].t) * 0.02) : 0;
  return (
    <figure data-testid="stage-timeline" data-points={inferredCount} data-latest-stage={latest?.stage ?? ""}>
      <figcaption className="sr-only">{text.title}</figcaption>
      <div aria-hidden="true" style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis
              {...AXIS}
              dataKey="t"
              type="number"
              scale="time"
              domain={rows.length > 0 ? [rows[0].t - pad, rows[rows.length - 1].t + pad] : ["auto", "auto"]}
              tickFormatter={(t: number) => fmtDate(t).slice(0, 7)}
            />
            <YAxis {...AXIS} domain={[1, 6]} ticks={STAGE_TICKS} allowDecimals={false} width={28} />
            <Tooltip {...TOOLTIP} content={(props) => <TimelineTooltip active={props.active} payload={props.payload as unknown as { payload: Row }[]} text={text} />} />
            <Line
              dataKey="inferred"
              name={text.inferred}
              type="stepAfter"
              stroke="#334155"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              dot={(p: object) => <InferredDot {...(p as { cx?: number; cy?: number; payload?: Row; index?: number })} />}
              activeDot={{ r: 6 }}
            />
            <Scatter dataKey="override" name={text.override} isAnimationActive={false} shape={(p: unknown) => <Diamond {...(p as { cx?: number; cy?: number; payload?: Row })} />} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
        <span className="inline-flex items-center gap-1"><svg width="14" height="10"><line x1="0" y1="5" x2="14" y2="5" stroke="#334155" strokeWidth="2" /><circle cx="7" cy="5" r="3" fill="#334155" /></svg>{text.inferred}</span>
        <span className="inline-flex items-center gap-1"><svg width="12" height="12"><path d="M6,0L12,6L6,12L0,6Z" fill="#475569" /></svg>{text.override}</span>
        <span className="inline-flex items-center gap-1"><svg width="12" height="12"><path d="M6,1L11,6L6,11L1,6Z" fill="#fff" stroke="#475569" strokeWidth="1.5" /></svg>{text.withdrawn}</span>
      </div>
      <table className="sr-only" aria-label={text.title}>
        <thead>
          <tr><th scope="col">{text.date}</th><th scope="col">{text.stage}</th><th scope="col">{text.kind}</th><th scope="col">{text.why}</th></tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-kind={r.point.kind}>
              <td>{r.date}</td>
              <td>{text.stageLabels[r.point.stage]}</td>
              <td>{r.point.kind === "override" ? (r.point.withdrawn ? text.withdrawn : text.override) : text.inferred}</td>
              <td>{r.point.reasons.join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function TimelineTooltip({ active, payload, text }: { active?: boolean; payload?: { payload: Row }[]; text: StageTimelineText }) {
  const row = active && payload && payload.length > 0 ? payload[0].payload : null;
  if (!row) return null;
  const p = row.point;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{p.date}</p>
      <p style={{ color: STAGE_COLORS[p.stage]?.hex }} className="font-medium">
        {text.stageLabels[p.stage]} · {p.kind === "override" ? (p.withdrawn ? text.withdrawn : text.override) : text.inferred}
      </p>
      {p.reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-4">
          {p.reasons.slice(0, 3).map((r) => <li key={r}>{r}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
