"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, STAGE_COLORS, STAGE_TICKS, TOOLTIP } from "../theme";
import { LinkedRect } from "./links";

export interface ConsultantDatum {
  name: string;
  /** stageMix[stage - 1] */
  stageMix: number[];
  hrefs: string[];
}

type Row = { name: string; hrefs: string[] } & Record<string, number | string | string[]>;

export function ConsultantChart({ data, title }: { data: ConsultantDatum[]; title: string }) {
  const rows = data.map((d) => ({ name: d.name, hrefs: d.hrefs, ...Object.fromEntries(d.stageMix.map((c, i) => [`s${i + 1}`, c])) }) as Row);
  return (
    <div role="figure" aria-label={title} className="w-full" style={{ height: Math.max(140, 40 * rows.length + 60) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid {...GRID} horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...AXIS} />
          <YAxis type="category" dataKey="name" width={110} {...AXIS} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {STAGE_TICKS.map((s) => (
            <Bar
              key={s}
              dataKey={`s${s}`}
              name={`Stage ${s}`}
              stackId="mix"
              fill={STAGE_COLORS[s].hex}
              isAnimationActive={false}
              shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: Row }) => (
                <LinkedRect {...p} fill={STAGE_COLORS[s].hex} href={p.payload?.hrefs[s - 1]} label={`${p.payload?.name} stage ${s}: ${p.payload?.[`s${s}`]} clients`} />
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
