"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { linkClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartFigure, StageLegend } from "../ChartFigure";
import { AXIS, BAR_CURSOR, GRID, STAGE_COLORS, STAGE_TICKS, TOOLTIP } from "../theme";
import { useChartWords } from "../words";
import { LinkedRect } from "./links";

export interface StackedStageDatum {
  /** The category as shown: a month ("Mar 2026"), a consultant's name. */
  label: string;
  /** counts[stage - 1] */
  counts: number[];
  /** hrefs[stage - 1]: the drill-down list behind that segment */
  hrefs: string[];
}

type Row = { label: string; hrefs: string[] } & Record<string, number | string | string[]>;

/** Clients per stage stacked in one bar per category; every segment, and every count in the data table, links to its clients. */
export function StackedStageBars({ data, title, categoryLabel, horizontal = false }: { data: StackedStageDatum[]; title: string; categoryLabel: string; horizontal?: boolean }) {
  const w = useChartWords();
  const rows = data.map((d) => ({ label: d.label, hrefs: d.hrefs, ...Object.fromEntries(d.counts.map((c, i) => [`s${i + 1}`, c])) }) as Row);
  const table = (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col" className={thClass}>{categoryLabel}</th>
          {STAGE_TICKS.map((s) => (
            <th key={s} scope="col" className={`${thClass} whitespace-nowrap text-right`}>
              <abbr title={w.stageLabel(s)} className="no-underline">{w.stage(s)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.map((d, i) => (
          <tr key={i}>
            <th scope="row" className={`${tdClass} whitespace-nowrap text-left font-normal`}>{d.label}</th>
            {STAGE_TICKS.map((s) => (
              <td key={s} className={`${tdClass} text-right`}>
                {(d.counts[s - 1] ?? 0) > 0 && d.hrefs[s - 1] ? <a href={d.hrefs[s - 1]} className={linkClass}>{w.number(d.counts[s - 1])}</a> : w.number(0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      title={title}
      // A horizontal chart grows with its categories (one bar per consultant).
      className={horizontal ? "" : "h-72"}
      height={horizontal ? Math.max(140, 40 * rows.length + 40) : undefined}
      legend={<StageLegend />}
      table={table}
    >
      <BarChart accessibilityLayer={false} data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID} horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} {...AXIS} tickFormatter={w.number} />
            <YAxis type="category" dataKey="label" width={104} {...AXIS} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" {...AXIS} minTickGap={8} />
            <YAxis allowDecimals={false} {...AXIS} width={36} tickFormatter={w.number} />
          </>
        )}
        <Tooltip {...TOOLTIP} cursor={BAR_CURSOR} formatter={(v, name) => [w.number(v), name]} />
        {STAGE_TICKS.map((s) => (
          <Bar
            key={s}
            dataKey={`s${s}`}
            name={w.stageLabel(s)}
            stackId="stages"
            fill={STAGE_COLORS[s]!.hex}
            isAnimationActive={false}
            shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: Row }) => (
              <LinkedRect
                {...p}
                fill={STAGE_COLORS[s]!.hex}
                href={p.payload?.hrefs[s - 1]}
                label={w.t("segmentLink", { label: p.payload?.label ?? "", stage: s, count: Number(p.payload?.[`s${s}`] ?? 0) })}
              />
            )}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
