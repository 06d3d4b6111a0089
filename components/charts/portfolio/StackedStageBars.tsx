"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_COLORS, STAGE_TICKS, TOOLTIP } from "../theme";
import { LinkedRect } from "./links";

export interface StackedStageDatum {
  /** The category: a month, a consultant's name. */
  label: string;
  /** counts[stage - 1] */
  counts: number[];
  /** hrefs[stage - 1]: the drill-down list behind that segment */
  hrefs: string[];
}

type Row = { label: string; hrefs: string[] } & Record<string, number | string | string[]>;

/** Clients per stage stacked in one bar per category; every segment links to its clients. */
export function StackedStageBars({ data, title, horizontal = false }: { data: StackedStageDatum[]; title: string; horizontal?: boolean }) {
  const rows = data.map((d) => ({ label: d.label, hrefs: d.hrefs, ...Object.fromEntries(d.counts.map((c, i) => [`s${i + 1}`, c])) }) as Row);
  return (
    <div role="figure" aria-label={title} className={horizontal ? "w-full" : "h-72 w-full"} style={horizontal ? { height: Math.max(140, 40 * rows.length + 60) } : undefined}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 8, bottom: 0, left: horizontal ? 8 : -16 }}>
          <CartesianGrid {...GRID} horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} {...AXIS} />
              <YAxis type="category" dataKey="label" width={110} {...AXIS} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" {...AXIS} />
              <YAxis allowDecimals={false} {...AXIS} />
            </>
          )}
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
                <LinkedRect {...p} fill={STAGE_COLORS[s].hex} href={p.payload?.hrefs[s - 1]} label={`${p.payload?.label} stage ${s}: ${p.payload?.[`s${s}`]} clients`} />
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
