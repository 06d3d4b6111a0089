"use client";
// A bar segment that is also a link to the clients behind it: a real <a>, so a click (or a
// screen reader's link list) opens its clients. It is not a Tab stop: the chart's data table
// ("Show data") holds the same links for the keyboard, so a chart adds one Tab stop, not one per bar.
import type { ReactElement } from "react";

export interface LinkedRectProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  href?: string;
  label?: string;
}

export function LinkedRect({ x = 0, y = 0, width = 0, height = 0, fill, href, label }: LinkedRectProps): ReactElement | null {
  if (!width || !height || width <= 0 || height <= 0) return null;
  const rect = <rect x={x} y={y} width={width} height={height} fill={fill} />;
  if (!href) return rect;
  return (
    <a href={href} aria-label={label} tabIndex={-1} className="cursor-pointer">
      <title>{label}</title>
      {rect}
    </a>
  );
}
