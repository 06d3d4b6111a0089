"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_COLORS, STAGE_TICKS, TOOLTIP } from "../theme";
import { LinkedRect } from "./links";

export interface OverTimeDatum {
  month: string;
  /** counts[stage - 1] */
  counts: number[];
  /** hrefs[stage - 1]: the clients in that stage at the end of the month */
  hrefs: string[];
}

type Row = { month: string; hrefs: string[] } & Record<string, number | string | string[]>;

export function OverTimeChart({ data, title }: { data: OverTimeDatum[]; title: string }) {
  const rows: Row[] = data.map((d) => ({ month: d.month, hrefs: d.hrefs, ...Object.fromEntries(d.counts.map((c, i) => [`s${i + 1}`, c])) }) as Row);
  return (
    <div role="figure" aria-label={title} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis dataKey="month" {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {STAGE_TICKS.map((s) => (
            <Bar
              key={s}
              dataKey={`s${s}`}
              name={`Stage ${s}`}
              stackId="stages"
              fill={STAGE_COLORS[s].hex}
              isAnimationActive={false}
              shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: Row }) => (
                <LinkedRect {...p} fill={STAGE_COLORS[s].hex} href={p.payload?.hrefs[s - 1]} label={`${p.payload?.month} stage ${s}: ${p.payload?.[`s${s}`]} clients`} />
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
