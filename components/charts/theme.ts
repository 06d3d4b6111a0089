// Shared axis, grid and tooltip styling for every recharts chart.
export { STAGE_COLORS } from "../stage/colors";

export const AXIS = { stroke: "#94a3b8", fontSize: 12, tickLine: false } as const;
export const GRID = { stroke: "#e2e8f0", strokeDasharray: "3 3" } as const;
export const TOOLTIP = {
  contentStyle: { borderRadius: 6, borderColor: "#cbd5e1", fontSize: 12 },
  labelStyle: { fontWeight: 600 },
} as const;
export const STAGE_TICKS = [1, 2, 3, 4, 5, 6];

export const stageLabel = (s: unknown) => `Stage ${s}`;
/** An x axis of stages 1-6, labelled "Stage n". */
export const STAGE_X_AXIS = { dataKey: "stage", ...AXIS, tickFormatter: stageLabel } as const;
