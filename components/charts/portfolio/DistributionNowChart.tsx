"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { linkClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartFigure, StageTick } from "../ChartFigure";
import { AXIS, BAR_CURSOR, GRID, STAGE_COLORS, TOOLTIP } from "../theme";
import { useChartWords } from "../words";
import { LinkedRect } from "./links";

export interface DistributionNowDatum {
  stage: number;
  count: number;
  href: string;
}

/** Clients per stage at the range end; every bar, and every count in the data table, opens its clients. */
export function DistributionNowChart({ data, title }: { data: DistributionNowDatum[]; title: string }) {
  const w = useChartWords();
  const table = (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col" className={thClass}>{w.t("col.stage")}</th>
          <th scope="col" className={thClass}>{w.t("col.clients")}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.stage}>
            <th scope="row" className={`${tdClass} text-left font-normal`}>{w.stageLabel(d.stage)}</th>
            <td className={tdClass}>
              <a href={d.href} className={linkClass}>{w.number(d.count)}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure title={title} table={table}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="stage" {...AXIS} interval={0} tick={<StageTick />} />
        <YAxis allowDecimals={false} {...AXIS} width={36} tickFormatter={w.number} />
        <Tooltip {...TOOLTIP} cursor={BAR_CURSOR} labelFormatter={(s) => w.stageLabel(Number(s))} formatter={(v) => [w.number(v), w.t("col.clients")]} />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: DistributionNowDatum }) => (
            <LinkedRect
              {...p}
              fill={STAGE_COLORS[p.payload?.stage ?? 1]!.hex}
              href={p.payload?.href}
              label={w.t("barLink", { stage: p.payload?.stage ?? 0, count: p.payload?.count ?? 0 })}
            />
          )}
        />
      </BarChart>
    </ChartFigure>
  );
}
