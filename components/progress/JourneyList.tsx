import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/i18n/format";
import { StageBadge } from "@/components/stage/StageBadge";
import { ScrollRegion, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import type { JourneyPoint } from "@/components/charts/JourneyChart";

/** The stage changes along the journey, oldest first: each run of check-ins at one stage. */
export function stageSpells(points: readonly JourneyPoint[]): { stage: number; from: string; count: number }[] {
  const out: { stage: number; from: string; count: number }[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.stage === p.stage) last.count++;
    else out.push({ stage: p.stage, from: p.date, count: 1 });
  }
  return out;
}

/**
 * The chart's data as text: the stage changes as a list (short on a phone), and every check-in in
 * a table behind a disclosure. Printed too, under the chart.
 */
export async function JourneyList({ points }: { points: JourneyPoint[] }) {
  const t = await getTranslations("progress.journey");
  const format = await getFormatter();
  const spells = stageSpells(points);
  return (
    <div className="mt-3 space-y-3">
      <h3 className="text-sm font-semibold">{t("howTitle")}</h3>
      <ol className="space-y-1.5">
        {spells.map((s) => (
          <li key={s.from} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <StageBadge stage={s.stage} />
            <span className="text-slate-700 dark:text-slate-300">
              {t("from", { date: formatDay(format, s.from) })}
            </span>
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("checkIns", { count: points.length })}</p>
      {points.length > 1 ? (
        <details className="no-print group text-sm">
          <summary className="cursor-pointer rounded-sm font-medium text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300 dark:focus-visible:outline-indigo-300">
            {t("everyCheckIn")}
          </summary>
          <ScrollRegion label={t("tableLabel")} className="mt-2 max-h-80 overflow-y-auto">
            <table className={tableClass}>
              <caption className="sr-only">{t("tableLabel")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>{t("date")}</th>
                  <th scope="col" className={thClass}>{t("stage")}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={`${p.date}-${i}`}>
                    <td className={`${tdClass} whitespace-nowrap`}>
                      <time dateTime={p.date}>{formatDay(format, p.date)}</time>
                    </td>
                    <td className={tdClass}>
                      <StageBadge stage={p.stage} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ) : null}
    </div>
  );
}
