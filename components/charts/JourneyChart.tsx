"use client";
import { Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type XAxisTickContentProps, type YAxisTickContentProps } from "recharts";
import { useFormatter, useTranslations } from "next-intl";

export interface JourneyPoint {
  date: string;
  stage: number;
}

const STAGES = [1, 2, 3, 4, 5, 6] as const;
const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(iso.slice(0, 10) + "T00:00:00Z");

// Text colours hold 4.5:1 on the card in both themes; the halo (stroke) is the card's own colour,
// so a stage name stays readable where the line runs under it.
const TICK_TEXT = "fill-slate-700 dark:fill-slate-200";
const HALO = "stroke-white dark:stroke-slate-900";

/** Up to `n` evenly spaced ticks from `min` to `max` (one tick for a single day). */
function ticksBetween(min: number, max: number, n: number): number[] {
  if (max <= min) return [min];
  return Array.from({ length: n }, (_, i) => Math.round(min + ((max - min) * i) / (n - 1)));
}

/**
 * A client's stage over time as a step line: it holds each stage until the next check-in changes
 * it. The stage names sit on the journey axis, inside the plot so a phone keeps its width. No Tab
 * stop (accessibilityLayer off): the page lists the same data beside the chart.
 */
export function JourneyChart({ points, title }: { points: JourneyPoint[]; title: string }) {
  const t = useTranslations("progress.journey");
  const stages = useTranslations("client.stages");
  const format = useFormatter();
  const data = points.map((p) => ({ t: day(p.date), stage: p.stage }));
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? first;
  const single = last - first < DAY_MS;
  // A journey of one check-in gets room on both sides, so its one point sits in the middle on purpose.
  const domain: [number, number] = single ? [first - 45 * DAY_MS, first + 45 * DAY_MS] : [first, last];
  const ticks = single ? [first] : ticksBetween(first, last, 3);
  const name = (s: number) => stages(`${s as 1 | 2 | 3 | 4 | 5 | 6}.name`);
  const dayText = (ms: number) => format.dateTime(new Date(ms), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const monthText = (ms: number) => format.dateTime(new Date(ms), { month: "short", year: "numeric", timeZone: "UTC" });

  return (
    <div role="img" aria-label={title} className="journey-chart h-72 w-full min-w-0 text-indigo-700 sm:h-80 dark:text-indigo-300">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 288 }}>
        <LineChart data={data} margin={{ top: 4, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
          {STAGES.map((s) => (
            <ReferenceArea key={s} y1={s - 0.5} y2={s + 0.5} fill={s % 2 ? "#94a3b8" : "transparent"} fillOpacity={0.12} stroke="none" ifOverflow="visible" />
          ))}
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            ticks={ticks}
            interval={0}
            tickLine={false}
            stroke="#64748b"
            height={28}
            tick={({ x, y, payload, index }: XAxisTickContentProps) => (
              <text
                x={Number(x)}
                y={Number(y) + 14}
                fontSize={12}
                className={TICK_TEXT}
                textAnchor={single ? "middle" : index === 0 ? "start" : index === ticks.length - 1 ? "end" : "middle"}
              >
                {monthText(Number(payload.value))}
              </text>
            )}
          />
          <YAxis
            type="number"
            domain={[0.5, 6.5]}
            ticks={[...STAGES]}
            mirror
            width={1}
            axisLine={false}
            tickLine={false}
            tick={({ x, y, payload }: YAxisTickContentProps) => (
              <text x={Number(x) + 6} y={Number(y) - 5} fontSize={11} className={`${TICK_TEXT} ${HALO}`} strokeWidth={4} paintOrder="stroke" strokeLinejoin="round">
                {t("axisStage", { stage: Number(payload.value), name: name(Number(payload.value)) })}
              </text>
            )}
          />
          <Tooltip
            cursor={{ stroke: "#64748b", strokeDasharray: "3 3" }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as { t: number; stage: number } | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
                  <p className="font-semibold">{dayText(p.t)}</p>
                  <p>{t("tooltipStage", { stage: p.stage, name: name(p.stage) })}</p>
                </div>
              );
            }}
          />
          <Line
            type="stepAfter"
            dataKey="stage"
            stroke="currentColor"
            strokeWidth={2.5}
            dot={{ r: single ? 6 : 3, fill: "currentColor", stroke: "currentColor" }}
            activeDot={{ r: 5, fill: "currentColor", stroke: "currentColor" }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
