// One colour per stage, the same on every badge and chart in the product. Badge text keeps at
// least 4.5:1 against its background in both themes.
export const STAGE_COLORS: Record<number, { hex: string; badge: string }> = {
  1: { hex: "#64748b", badge: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600" },
  2: { hex: "#0284c7", badge: "bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700" },
  3: { hex: "#d97706", badge: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700" },
  4: { hex: "#059669", badge: "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700" },
  5: { hex: "#4f46e5", badge: "bg-indigo-100 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-700" },
  6: { hex: "#c026d3", badge: "bg-fuchsia-100 text-fuchsia-900 ring-fuchsia-300 dark:bg-fuchsia-950 dark:text-fuchsia-100 dark:ring-fuchsia-700" },
};
