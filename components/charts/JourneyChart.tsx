"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_TICKS, TOOLTIP } from "./theme";
import { isoDay } from "@/lib/validation/primitives";

export interface JourneyPoint {
  date: string;
  stage: number;
}

const day = (iso: string) => Date.parse(iso + "T00:00:00Z");
const fmt = (t: number) => new Date(t).toISOString().slice(0, 7);

/** A client's stage over time as a step line: it holds each stage until the next check-in changes it. */
export function JourneyChart({ points, title }: { points: JourneyPoint[]; title: string }) {
  const data = points.map((p) => ({ t: day(p.date), stage: p.stage, date: p.date }));
  return (
    <div role="img" aria-label={title} className="h-56 w-full print:h-48">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -20 }}>
          <CartesianGrid {...GRID} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={fmt} {...AXIS} />
          <YAxis domain={[1, 6]} ticks={STAGE_TICKS} allowDecimals={false} {...AXIS} />
          <Tooltip {...TOOLTIP} labelFormatter={(t) => isoDay(new Date(Number(t)))} formatter={(v) => [`Stage ${v}`, ""]} />
          <Line type="stepAfter" dataKey="stage" stroke="#4f46e5" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
