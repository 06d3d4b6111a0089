"use client";
import { ResponsiveContainer } from "recharts";
import { ScrollRegion } from "@/components/ui/primitives";
import { ChartData } from "./ChartData";
import { CHART_FRAME } from "./theme";
import { useChartWords } from "./words";

// The table and legend live in ./ChartData (no chart library there); re-exported for the charts here.
export { ChartData, StageLegend } from "./ChartData";

/**
 * A chart as a labelled figure, the frame every chart shares:
 * - the drawing fills its box and resizes with it (ResponsiveContainer), and never widens the page;
 * - the drawing adds no Tab stop (each chart sets accessibilityLayer={false}; bar links are tabIndex -1);
 * - its numbers are a real table: behind "Show data" (one Tab stop), or shown with `showTable`,
 *   scrolling sideways inside its own labelled region on a phone;
 * - text inside is slate-600 / slate-300 (CHART_FRAME), >= 4.5:1 in both themes.
 * `hideDrawing` hides the SVG from screen readers when the table says everything it shows.
 */
export function ChartFigure({
  title,
  className = "h-64",
  height,
  children,
  legend,
  note,
  table,
  showTable = false,
  hideDrawing = false,
  testId,
}: {
  title: string;
  className?: string;
  /** A fixed height in px, instead of the class's. */
  height?: number;
  children: React.ReactElement;
  legend?: React.ReactNode;
  note?: React.ReactNode;
  table?: React.ReactNode;
  showTable?: boolean;
  hideDrawing?: boolean;
  testId?: string;
}) {
  return (
    <figure aria-label={title} className={`m-0 min-w-0 max-w-full ${CHART_FRAME}`} data-testid={testId}>
      <div className={`w-full min-w-0 ${className}`} style={height ? { height } : undefined} aria-hidden={hideDrawing || undefined}>
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          {children}
        </ResponsiveContainer>
      </div>
      {note ? <p className="mt-1 text-xs">{note}</p> : null}
      {legend}
      {table ? (showTable ? <ScrollRegion label={title} className="mt-3 text-slate-900 dark:text-slate-100">{table}</ScrollRegion> : <ChartData title={title}>{table}</ChartData>) : null}
    </figure>
  );
}

/** An x-axis tick for stages 1-6: "Stage 3" when there is room, "3" when the bars are narrow (a phone). */
export function StageTick(props: { x?: number | string; y?: number | string; payload?: { value: unknown }; width?: number | string; visibleTicksCount?: number }) {
  const w = useChartWords();
  const { x = 0, y = 0, payload, width = 0, visibleTicksCount = 6 } = props;
  const band = Number(width) / Math.max(1, visibleTicksCount);
  const value = payload?.value;
  return (
    <text x={Number(x)} y={Number(y)} dy={12} textAnchor="middle" fill="currentColor" fontSize={12}>
      {band >= 56 ? w.stage(value) : w.number(Number(value))}
    </text>
  );
}
