// Shared axis, grid and tooltip styling for every recharts chart, legible in both themes.
//
// Colours that change with the theme are CSS variables set on the chart's frame (CHART_FRAME, used
// by ChartFigure): SVG attributes and recharts' inline styles read them with var(), and each one
// has a light-theme fallback so a chart outside a frame still draws. Text in a chart (ticks,
// labels) uses `currentColor`, the frame's text colour: slate-600 on white (7.6:1) and slate-300
// on slate-900 (12:1), so every number on an axis is above 4.5:1 in either theme.
export { STAGE_COLORS } from "../stage/colors";

/** Classes for the element around a chart: its text colour and the theme's chart colours. */
export const CHART_FRAME = [
  "text-slate-600 dark:text-slate-300",
  "[--chart-grid:#e2e8f0] dark:[--chart-grid:#334155]",
  "[--chart-line:#94a3b8] dark:[--chart-line:#64748b]",
  "[--chart-ink:#0f172a] dark:[--chart-ink:#f1f5f9]",
  "[--chart-surface:#ffffff] dark:[--chart-surface:#0f172a]",
  "[--chart-border:#cbd5e1] dark:[--chart-border:#475569]",
  "[--chart-cursor:#f1f5f9] dark:[--chart-cursor:#1e293b]",
  // The three signal lines: darker in the light theme, lighter in the dark one (>= 3:1 either way).
  "[--chart-posts:#4f46e5] dark:[--chart-posts:#a5b4fc]",
  "[--chart-automated:#b45309] dark:[--chart-automated:#fbbf24]",
  "[--chart-followers:#047857] dark:[--chart-followers:#34d399]",
].join(" ");

/** A theme colour by name, for an SVG attribute or an inline style. */
export const chartColor = {
  text: "currentColor",
  grid: "var(--chart-grid, #e2e8f0)",
  line: "var(--chart-line, #94a3b8)",
  ink: "var(--chart-ink, #0f172a)",
  surface: "var(--chart-surface, #ffffff)",
  border: "var(--chart-border, #cbd5e1)",
  cursor: "var(--chart-cursor, #f1f5f9)",
  posts: "var(--chart-posts, #4f46e5)",
  automated: "var(--chart-automated, #b45309)",
  followers: "var(--chart-followers, #047857)",
} as const;

export const AXIS = { stroke: chartColor.line, fontSize: 12, tickLine: false, tick: { fill: chartColor.text } } as const;
export const GRID = { stroke: chartColor.grid, strokeDasharray: "3 3" } as const;
export const TOOLTIP = {
  // Long stage names wrap instead of pushing the tooltip past a phone's edge.
  contentStyle: { borderRadius: 6, borderColor: chartColor.border, backgroundColor: chartColor.surface, color: chartColor.ink, fontSize: 12, whiteSpace: "normal" },
  wrapperStyle: { maxWidth: "min(18rem, 85vw)" },
  labelStyle: { fontWeight: 600, color: chartColor.ink },
  // recharts colours each item in its series' colour; keep the text dark (light in the dark theme).
  itemStyle: { color: chartColor.ink },
} as const;
/** The band behind the hovered bar. */
export const BAR_CURSOR = { fill: chartColor.cursor } as const;
export const STAGE_TICKS = [1, 2, 3, 4, 5, 6];
