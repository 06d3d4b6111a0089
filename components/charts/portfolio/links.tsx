"use client";
// A bar segment that is also a link to the clients behind it (real <a>, so it works with keyboard and Playwright).
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
    <a href={href} aria-label={label}>
      <title>{label}</title>
      {rect}
    </a>
  );
}
