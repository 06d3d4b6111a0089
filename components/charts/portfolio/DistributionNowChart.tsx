"use client";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "../ChartFigure";
import { AXIS, GRID, STAGE_COLORS, STAGE_X_AXIS, stageLabel, TOOLTIP } from "../theme";
import { LinkedRect } from "./links";

export interface DistributionNowDatum {
  stage: number;
  count: number;
  href: string;
}

export function DistributionNowChart({ data, title }: { data: DistributionNowDatum[]; title: string }) {
  return (
    <ChartFigure title={title}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis {...STAGE_X_AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip {...TOOLTIP} labelFormatter={stageLabel} formatter={(v) => [v, "clients"]} />
          <Bar
            dataKey="count"
            isAnimationActive={false}
            shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: DistributionNowDatum }) => (
              <LinkedRect {...p} fill={STAGE_COLORS[p.payload?.stage ?? 1].hex} href={p.payload?.href} label={`Stage ${p.payload?.stage}: ${p.payload?.count} clients`} />
            )}
          >
            {data.map((d) => (
              <Cell key={d.stage} fill={STAGE_COLORS[d.stage].hex} />
            ))}
          </Bar>
        </BarChart>
    </ChartFigure>
  );
}
