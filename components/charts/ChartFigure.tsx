"use client";
import { ResponsiveContainer } from "recharts";

/** A chart as a labelled figure that fills its box: the frame every portfolio chart shares. */
export function ChartFigure({ title, className = "h-64 w-full", children }: { title: string; className?: string; children: React.ReactElement }) {
  return (
    <div role="figure" aria-label={title} className={className}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
