"use client";

// One small signal chart's drawing (recharts), loaded when it nears the screen (WhenVisible.tsx);
// the figure and the table around it are SignalCharts.tsx.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, TOOLTIP, chartColor } from "./theme";
import { useChartWords } from "./words";

export type SignalDatum = { t: number; date: string; posts: number; automated: number; followers: number | null };

const DAY_MS = 86_400_000;

export function SignalDrawing({ title, data, dataKey, color, percent }: { title: string; data: SignalDatum[]; dataKey: "posts" | "automated" | "followers"; color: string; percent?: boolean }) {
  const w = useChartWords();
  const value = (v: unknown) => (percent ? w.percent(Number(v)) : w.number(Number(v)));
  const first = data[0]?.t ?? 0;
  const last = data.at(-1)?.t ?? 0;
  const oneDay = data.length > 0 && first === last;
  const pad = oneDay ? 14 * DAY_MS : 0;
  const single = data.length === 1;
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: single ? 20 : 6, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID} />
        <XAxis
          {...AXIS}
          dataKey="t"
          type="number"
          scale="utc"
          domain={oneDay ? [first - pad, last + pad] : ["dataMin", "dataMax"]}
          ticks={oneDay ? [first] : undefined}
          minTickGap={16}
          tickFormatter={(t: number) => (oneDay || last - first < 75 * DAY_MS ? w.dayOf(t) : w.month(t))}
        />
        <YAxis {...AXIS} width={44} domain={percent ? [0, 100] : [0, "auto"]} allowDecimals={false} tickFormatter={value} />
        <Tooltip {...TOOLTIP} cursor={{ stroke: chartColor.line }} labelFormatter={(t) => w.dayOf(t)} formatter={(v) => [value(v), title]} />
        <Line
          dataKey={dataKey}
          type="monotone"
          stroke={color}
          strokeWidth={2}
          dot={{ r: single ? 6 : 2, fill: color, stroke: color }}
          activeDot={{ r: single ? 7 : 4, stroke: chartColor.surface }}
          label={single ? { position: "top", fill: "currentColor", fontSize: 12, fontWeight: 600, formatter: value } : false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
