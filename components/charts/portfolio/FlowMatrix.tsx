// Transition matrix: rows are the stage left, columns the stage reached. Forward moves are
// green, backward red, deeper colour for more moves; every non-empty cell links to its clients.
// The colours come in four steps, each with a text colour of at least 4.5:1 on it, in both themes.
// Works as a server or client component (next-intl's hooks work in both).
import { useFormatter, useTranslations } from "next-intl";
import { ScrollRegion, focusClass } from "@/components/ui/primitives";
import { EmptyMatrixCell, SwatchLegend } from "@/components/charts/MatrixParts";

export interface FlowCell {
  from: number;
  to: number;
  count: number;
  direction: "forward" | "backward";
  href: string;
}

const STAGES = [1, 2, 3, 4, 5, 6];

const SHADES: Record<FlowCell["direction"], string[]> = {
  forward: [
    "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
    "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50",
    "bg-emerald-300 text-emerald-950 dark:bg-emerald-700 dark:text-white",
    "bg-emerald-700 text-white dark:bg-emerald-400 dark:text-emerald-950",
  ],
  backward: [
    "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
    "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50",
    "bg-red-300 text-red-950 dark:bg-red-700 dark:text-white",
    "bg-red-700 text-white dark:bg-red-400 dark:text-red-950",
  ],
};

/** The cell's shade: a quarter of the largest count per step. */
export function flowShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(3, Math.max(0, Math.ceil((count / max) * 4) - 1));
}

export function FlowMatrix({ cells, title }: { cells: FlowCell[]; title: string }) {
  const t = useTranslations("charts.flows");
  const format = useFormatter();
  const num = (n: number) => format.number(n);
  const max = Math.max(0, ...cells.map((c) => c.count));
  const at = (f: number, to: number) => cells.find((c) => c.from === f && c.to === to && c.count > 0);
  return (
    <div className="min-w-0">
      <ScrollRegion label={title}>
        <table aria-label={title} className="w-full min-w-[18rem] border-collapse text-center text-sm">
          <thead>
            <tr>
              <th scope="col" className="p-1 text-left text-xs font-medium text-slate-600 dark:text-slate-300">{t("corner")}</th>
              {STAGES.map((s) => (
                <th key={s} scope="col" className="p-1 text-xs font-medium text-slate-600 dark:text-slate-300">
                  <span className="sr-only">{t("toStage", { stage: s })}</span>
                  <span aria-hidden="true">{num(s)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STAGES.map((f) => (
              <tr key={f}>
                <th scope="row" className="p-1 text-left text-xs font-medium text-slate-600 dark:text-slate-300">
                  <span className="sr-only">{t("fromStage", { stage: f })}</span>
                  <span aria-hidden="true">{num(f)}</span>
                </th>
                {STAGES.map((to) => {
                  const cell = at(f, to);
                  const shade = cell ? SHADES[cell.direction][flowShade(cell.count, max)] : f === to ? "bg-slate-100 dark:bg-slate-800" : "";
                  return (
                    <td key={to} className={`border border-slate-200 p-0 dark:border-slate-700 ${shade}`}>
                      {cell ? (
                        <a
                          href={cell.href}
                          className={`block min-h-8 min-w-8 p-1.5 font-medium underline-offset-2 hover:underline ${focusClass}`}
                          aria-label={t(cell.direction === "forward" ? "forwardCell" : "backwardCell", { from: f, to, count: cell.count })}
                        >
                          {num(cell.count)}
                        </a>
                      ) : (
                        <EmptyMatrixCell zero={num(0)} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <SwatchLegend
        items={[
          { swatch: "bg-emerald-700 dark:bg-emerald-400", label: t("forward") },
          { swatch: "bg-red-700 dark:bg-red-400", label: t("backward") },
        ]}
      />
    </div>
  );
}
