// The HTML parts of a chart that need no chart library: its data table behind "Show data" and the
// stage legend. No "use client" and no recharts import, so a server component can render them and
// a page ships no chart code for them.
import { useTranslations } from "next-intl";
import { ScrollRegion, focusClass } from "@/components/ui/primitives";
import { STAGE_COLORS, STAGE_TICKS } from "./theme";
import { useChartWords } from "./words";

/** A chart's data table behind a "Show data" disclosure: one Tab stop while closed. */
export function ChartData({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useTranslations("charts");
  return (
    <details className="mt-2 text-sm text-slate-900 dark:text-slate-100">
      <summary className={`w-fit cursor-pointer rounded-sm text-slate-700 underline-offset-2 hover:underline dark:text-slate-200 ${focusClass}`}>
        {t("showData")}
      </summary>
      <ScrollRegion label={t("dataOf", { title })} className="mt-2">
        {children}
      </ScrollRegion>
    </details>
  );
}

/** The stage colours as a legend in HTML: a swatch beside dark text (light in the dark theme), never coloured text. */
export function StageLegend({ stages = STAGE_TICKS }: { stages?: number[] }) {
  const w = useChartWords();
  return (
    <ul aria-label={w.t("legend")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200">
      {stages.map((s) => (
        <li key={s} className="inline-flex min-w-0 items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: STAGE_COLORS[s]?.hex }} />
          <span className="min-w-0 break-words">{w.stageLabel(s)}</span>
        </li>
      ))}
    </ul>
  );
}
