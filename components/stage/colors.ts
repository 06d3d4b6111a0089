// One colour per stage, the same on every badge and chart in the product.
export const STAGE_COLORS: Record<number, { hex: string; badge: string }> = {
  1: { hex: "#64748b", badge: "bg-slate-100 text-slate-800 ring-slate-300" },
  2: { hex: "#0284c7", badge: "bg-sky-100 text-sky-900 ring-sky-300" },
  3: { hex: "#d97706", badge: "bg-amber-100 text-amber-900 ring-amber-300" },
  4: { hex: "#059669", badge: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
  5: { hex: "#4f46e5", badge: "bg-indigo-100 text-indigo-900 ring-indigo-300" },
  6: { hex: "#c026d3", badge: "bg-fuchsia-100 text-fuchsia-900 ring-fuchsia-300" },
};
