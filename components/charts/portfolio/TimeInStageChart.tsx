"use client";
import { Bar, CartesianGrid, ComposedChart, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "../ChartFigure";
import { AXIS, GRID, STAGE_COLORS, STAGE_X_AXIS, stageLabel, TOOLTIP } from "../theme";
import { LinkedRect } from "./links";
import type { TimeInStageRow } from "@/lib/portfolio/types";

export type TimeInStageDatum = TimeInStageRow & { href: string };

/** Box-ish: the bar spans the middle half of the spells (p25 to p75), the dot is the median, the whisker min to max. */
export function TimeInStageChart({ data, title }: { data: TimeInStageDatum[]; title: string }) {
  const rows = data.map((d) => ({ ...d, box: [d.p25, Math.max(d.p75, d.p25 + 0.5)] as [number, number], whisker: [d.min, d.max] as [number, number] }));
  return (
    <ChartFigure title={title}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis {...STAGE_X_AXIS} />
          <YAxis {...AXIS} unit="d" />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={stageLabel}
            formatter={(_v, name, item) => {
              const d = item.payload as TimeInStageDatum;
              return name === "median" ? [`${d.median} days (${d.spells} spells)`, "median"] : [`${d.p25}–${d.p75} days (min ${d.min}, max ${d.max})`, "middle half"];
            }}
          />
          <Bar dataKey="whisker" barSize={2} fill="#94a3b8" isAnimationActive={false} />
          <Bar
            dataKey="box"
            barSize={28}
            isAnimationActive={false}
            shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: TimeInStageDatum }) => (
              <LinkedRect {...p} fill={STAGE_COLORS[p.payload?.stage ?? 1].hex} href={p.payload?.href} label={`Stage ${p.payload?.stage}: median ${p.payload?.median} days`} />
            )}
          />
          <Scatter dataKey="median" fill="#0f172a" isAnimationActive={false} />
        </ComposedChart>
    </ChartFigure>
  );
}
