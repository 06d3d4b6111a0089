"use client";
import { Bar, CartesianGrid, ComposedChart, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { linkClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartFigure, StageTick } from "../ChartFigure";
import { AXIS, BAR_CURSOR, GRID, STAGE_COLORS, TOOLTIP, chartColor } from "../theme";
import { useChartWords } from "../words";
import { LinkedRect } from "./links";
import type { TimeInStageRow } from "@/lib/portfolio/types";

export type TimeInStageDatum = TimeInStageRow & { href: string };

/**
 * Box-ish: the bar spans the middle half of the spells (p25 to p75), the dot is the median, the
 * whisker min to max. The figures are also a table under the chart, each stage linking to its clients.
 */
export function TimeInStageChart({ data, title }: { data: TimeInStageDatum[]; title: string }) {
  const w = useChartWords();
  const rows = data.map((d) => ({ ...d, box: [d.p25, Math.max(d.p75, d.p25 + 0.5)] as [number, number], whisker: [d.min, d.max] as [number, number] }));
  const n = (v: number) => w.number(Math.round(v));
  const table = (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col" className={thClass}>{w.t("col.stage")}</th>
          <th scope="col" className={`${thClass} text-right`}>{w.t("time.spells")}</th>
          <th scope="col" className={`${thClass} text-right`}>{w.t("time.median")}</th>
          <th scope="col" className={`${thClass} text-right`}>{w.t("time.middleHalf")}</th>
          <th scope="col" className={`${thClass} text-right`}>{w.t("time.range")}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((t) => (
          <tr key={t.stage}>
            <th scope="row" className={`${tdClass} text-left font-normal`}>
              <a className={linkClass} href={t.href}>{w.stageLabel(t.stage)}</a>
            </th>
            <td className={`${tdClass} text-right`}>{n(t.spells)}</td>
            <td className={`${tdClass} text-right`}>{n(t.median)}</td>
            <td className={`${tdClass} whitespace-nowrap text-right`}>{w.t("time.span", { from: Math.round(t.p25), to: Math.round(t.p75) })}</td>
            <td className={`${tdClass} whitespace-nowrap text-right`}>{w.t("time.span", { from: t.min, to: t.max })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure title={title} table={table} showTable note={w.t("time.note")}>
      <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="stage" {...AXIS} interval={0} tick={<StageTick />} />
        <YAxis {...AXIS} width={48} tickFormatter={(v: number) => w.t("time.dayTick", { days: v })} />
        <Tooltip
          {...TOOLTIP}
          cursor={BAR_CURSOR}
          labelFormatter={(s) => w.stageLabel(Number(s))}
          formatter={(_v, name, item) => {
            const d = item.payload as TimeInStageDatum;
            return name === "median"
              ? [w.t("time.medianTip", { days: Math.round(d.median), spells: d.spells }), w.t("time.median")]
              : name === "box"
                ? [w.t("time.middleTip", { from: Math.round(d.p25), to: Math.round(d.p75) }), w.t("time.middleHalf")]
                : [w.t("time.span", { from: d.min, to: d.max }), w.t("time.range")];
          }}
        />
        <Bar dataKey="whisker" barSize={2} fill={chartColor.line} isAnimationActive={false} />
        <Bar
          dataKey="box"
          barSize={28}
          isAnimationActive={false}
          shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: TimeInStageDatum }) => (
            <LinkedRect {...p} fill={STAGE_COLORS[p.payload?.stage ?? 1]!.hex} href={p.payload?.href} label={w.t("time.boxLink", { stage: p.payload?.stage ?? 0, days: Math.round(p.payload?.median ?? 0) })} />
          )}
        />
        <Scatter dataKey="median" fill={chartColor.ink} isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
}
