"use client";

// Small charts of what the consultant observed over time: posting, automation, followers.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, TOOLTIP } from "./theme";
import { isoDay } from "@/lib/validation/primitives";

export interface SignalPoint {
  date: string; // YYYY-MM-DD
  posts: number;
  automatedShare: number; // 0-1
  followers: number | null;
}

export interface SignalChartsText {
  posts: string;
  automated: string;
  followers: string;
}

const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");
const fmtDate = (t: number) => isoDay(new Date(t));

function Small({ title, data, dataKey, color, percent }: { title: string; data: Record<string, number | null>[]; dataKey: string; color: string; percent?: boolean }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`signal-${dataKey}`}>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      <div aria-hidden="true" style={{ width: "100%", height: 140 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...AXIS} dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => fmtDate(t).slice(0, 7)} />
            <YAxis {...AXIS} width={40} domain={percent ? [0, 100] : [0, "auto"]} tickFormatter={(v: number) => (percent ? `${v}%` : String(v))} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={(t) => fmtDate(Number(t))}
              formatter={(v) => [percent ? `${v}%` : String(v), title]}
            />
            <Line dataKey={dataKey} type="monotone" stroke={color} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function SignalCharts({ points, text }: { points: SignalPoint[]; text: SignalChartsText }) {
  const data = points.map((p) => ({
    t: dayMs(p.date),
    posts: p.posts,
    automated: Math.round(p.automatedShare * 100),
    followers: p.followers,
  }));
  const hasFollowers = points.some((p) => p.followers !== null);
  return (
    <div className={`grid gap-3 ${hasFollowers ? "md:grid-cols-3" : "md:grid-cols-2"}`}>
      <Small title={text.posts} data={data} dataKey="posts" color="#4f46e5" />
      <Small title={text.automated} data={data} dataKey="automated" color="#d97706" percent />
      {hasFollowers ? <Small title={text.followers} data={data.filter((d) => d.followers !== null)} dataKey="followers" color="#059669" /> : null}
    </div>
  );
}
