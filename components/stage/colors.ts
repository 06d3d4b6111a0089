// One colour per stage, the same on every chart in the product. The badges' tints of the same
// hues are the classes sl-stage-1 … sl-stage-6 in app/globals.css; their text keeps at least
// 4.5:1 against its background in both themes.
export const STAGE_COLORS: Record<number, { hex: string }> = {
  1: { hex: "#64748b" },
  2: { hex: "#0284c7" },
  3: { hex: "#d97706" },
  4: { hex: "#059669" },
  5: { hex: "#4f46e5" },
  6: { hex: "#c026d3" },
};
