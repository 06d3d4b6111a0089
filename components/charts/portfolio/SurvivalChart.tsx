"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ScrollRegion, focusClass, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ChartFigure } from "../ChartFigure";
import { AXIS, GRID, STAGE_COLORS, TOOLTIP, chartColor } from "../theme";
import { useChartWords } from "../words";
import type { PackedPoint } from "@/lib/insight/km";

export interface SurvivalPoint {
  day: number;
  survival: number;
  atRisk: number;
  lower: number;
  upper: number;
}

/** One stage's Kaplan–Meier estimate (db/queries/insight/time-in-stage.ts), its curve thinned for drawing. */
export interface SurvivalStageDatum {
  stage: number;
  spells: number;
  events: number;
  censored: number;
  medianDays: number | null;
  forwardExits: number;
  forwardShare: number | null;
  maxDays: number | null;
  /** Thinned and packed for drawing (lib/insight/km.ts drawingCurve). */
  curve: PackedPoint[];
  /** The estimate and the number at risk at fixed days (0, 30, 90, ...). */
  at: SurvivalPoint[];
}

/** The former figure, medians of the spells that ended in the range, kept as a footnote. */
export interface CompletedSpellsDatum {
  stage: number;
  spells: number;
  median: number;
  href: string;
}

interface Drawn {
  day: number;
  survival: number;
  band: [number, number];
  atRisk: number | null;
}

/** The stage shown first: the one with the most stays (the lowest on a tie), so the chart opens on something. */
function firstStage(stages: SurvivalStageDatum[]): number {
  return stages.reduce((best, s) => (s.spells > best.spells ? s : best), stages[0] ?? { stage: 1, spells: 0 }).stage;
}

/**
 * Time in stage as a survival curve per stage: the share still in the stage against days, stepped,
 * with its 95% band, the median marked, the number at risk under the axis and the share of exits
 * that moved forward. One stage at a time (toggle buttons, one Tab stop each), which stays legible
 * on a phone; every stage's figures are in the "Show data" table. The completed-spells medians the
 * chart replaced follow as a footnote, each stage linking to the clients behind it.
 */
export function SurvivalChart({ title, stages, completed }: { title: string; stages: SurvivalStageDatum[]; completed: CompletedSpellsDatum[] }) {
  const t = useTranslations("survival");
  const w = useChartWords();
  const [picked, setPicked] = useState(() => firstStage(stages));
  const s = stages.find((x) => x.stage === picked) ?? stages[0];
  if (!s) return null;
  const pct = (v: number) => w.percent(v * 100);
  const color = STAGE_COLORS[s.stage]?.hex ?? chartColor.line;
  const xMax = Math.max(s.maxDays ?? 0, 30);
  // The last step runs on to the longest stay seen, so a curve that stops falling is still drawn.
  const drawn: Drawn[] = s.curve.map(([day, survival, lower, upper, atRisk]) => ({ day, survival, band: [lower, upper], atRisk }));
  const last = drawn[drawn.length - 1];
  const tail = last && s.maxDays !== null && s.maxDays > last.day ? [{ ...last, day: s.maxDays, atRisk: null }] : [];
  const data: Drawn[] = s.spells === 0 ? [] : [...drawn, ...tail];
  const at = s.at.filter((p) => p.day <= xMax);
  const ticks = at.map((p) => p.day);

  const stagesTable = (
    <table className={tableClass} aria-label={t("table.stages")}>
      <thead>
        <tr>
          <th scope="col" className={thClass}>{t("table.stage")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("table.spells")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("table.events")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("table.censored")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("table.medianDays")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("table.forward")}</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((x) => (
          <tr key={x.stage}>
            <th scope="row" className={`${tdClass} text-left font-normal`}>{w.stageLabel(x.stage)}</th>
            <td className={`${tdClass} text-right`}>{w.number(x.spells)}</td>
            <td className={`${tdClass} text-right`}>{w.number(x.events)}</td>
            <td className={`${tdClass} text-right`}>{w.number(x.censored)}</td>
            <td className={`${tdClass} text-right`}>{x.spells === 0 ? t("table.none") : x.medianDays === null ? t("table.notReached") : w.number(x.medianDays)}</td>
            <td className={`${tdClass} whitespace-nowrap text-right`}>{x.forwardShare === null ? t("table.none") : `${pct(x.forwardShare)} (${w.number(x.forwardExits)})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const atDaysTable =
    s.spells === 0 ? null : (
      <table className={`${tableClass} mt-3`} aria-label={t("table.atDays", { stage: w.stageLabel(s.stage) })}>
        <caption className="mb-1 text-left text-xs font-medium">{t("table.atDays", { stage: w.stageLabel(s.stage) })}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${thClass} text-right`}>{t("table.day")}</th>
            <th scope="col" className={`${thClass} text-right`}>{t("table.atRisk")}</th>
            <th scope="col" className={`${thClass} text-right`}>{t("table.still")}</th>
            <th scope="col" className={`${thClass} text-right`}>{t("table.band")}</th>
          </tr>
        </thead>
        <tbody>
          {at.map((p) => (
            <tr key={p.day}>
              <th scope="row" className={`${tdClass} text-right font-normal`}>{w.number(p.day)}</th>
              <td className={`${tdClass} text-right`}>{w.number(p.atRisk)}</td>
              <td className={`${tdClass} text-right`}>{pct(p.survival)}</td>
              <td className={`${tdClass} whitespace-nowrap text-right`}>{t("table.bandValue", { lower: pct(p.lower), upper: pct(p.upper) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  const atRiskRow =
    s.spells === 0 ? null : (
      <ScrollRegion label={t("atRisk")} className="mt-2">
        <table className="w-full border-collapse text-xs text-slate-700 dark:text-slate-200" aria-label={t("atRisk")}>
          <tbody>
            <tr>
              <th scope="row" className="py-0.5 pr-2 text-left font-medium">{t("atRiskDay")}</th>
              {at.map((p) => <td key={p.day} className="px-1 py-0.5 text-right">{w.number(p.day)}</td>)}
            </tr>
            <tr>
              <th scope="row" className="py-0.5 pr-2 text-left font-medium">{t("atRisk")}</th>
              {at.map((p) => <td key={p.day} className="px-1 py-0.5 text-right tabular-nums">{w.number(p.atRisk)}</td>)}
            </tr>
          </tbody>
        </table>
        <p className="mt-1 text-xs">{t("atRiskNote")}</p>
      </ScrollRegion>
    );

  const footnote = (
    <div className="mt-4 border-t border-slate-200 pt-3 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-200">
      <p className="font-medium">{t("completed.title")}</p>
      <p className="mt-0.5">{t("completed.note")}</p>
      {completed.length === 0 ? (
        <p className="mt-1">{t("completed.empty")}</p>
      ) : (
        <table className="mt-1 w-full border-collapse" aria-label={t("completed.table")}>
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-200 py-1 pr-2 text-left font-medium dark:border-slate-700">{t("completed.stage")}</th>
              <th scope="col" className="border-b border-slate-200 px-2 py-1 text-right font-medium dark:border-slate-700">{t("completed.spells")}</th>
              <th scope="col" className="border-b border-slate-200 py-1 pl-2 text-right font-medium dark:border-slate-700">{t("completed.median")}</th>
            </tr>
          </thead>
          <tbody>
            {completed.map((c) => (
              <tr key={c.stage}>
                <th scope="row" className="pr-2 text-left font-normal">
                  {/* inline-block with padding: each link at least 24 px high (WCAG 2.5.8), rows stacked closely. */}
                  <a className={`inline-block py-1 ${linkClass}`} href={c.href}>{w.stageLabel(c.stage)}</a>
                </th>
                <td className="px-2 py-0.5 text-right">{w.number(c.spells)}</td>
                <td className="py-0.5 pl-2 text-right">{w.number(Math.round(c.median))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );

  return (
    <div className="min-w-0">
      <p className={`mb-3 text-sm ${mutedClass}`}>{t("intro")}</p>
      <div role="group" aria-label={t("pickStage")} className="mb-3 flex flex-wrap gap-2">
        {stages.map((x) => {
          const on = x.stage === s.stage;
          return (
            <button
              key={x.stage}
              type="button"
              aria-pressed={on}
              onClick={() => setPicked(x.stage)}
              className={`inline-flex min-h-9 items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm ${focusClass} ${
                on
                  ? "border-slate-900 bg-slate-900 text-white dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900"
                  : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
              }`}
            >
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: STAGE_COLORS[x.stage]?.hex }} />
              {w.stage(x.stage)}
            </button>
          );
        })}
      </div>
      <div aria-live="polite" className="mb-2 text-sm">
        <p className="font-medium">{w.stageLabel(s.stage)}</p>
        {s.spells === 0 ? (
          <p className={mutedClass}>{t("empty")}</p>
        ) : (
          <>
            <p>{t("summary", { spells: s.spells, events: s.events, censored: s.censored })}</p>
            <p>
              {s.medianDays === null ? t("medianNotReached") : t("median", { days: s.medianDays })}
              {" · "}
              {s.forwardShare === null ? t("noExits") : t("forwardShare", { share: pct(s.forwardShare) })}
            </p>
          </>
        )}
      </div>
      <ChartFigure
        title={title}
        note={t("axisDays")}
        legend={
          <>
            {atRiskRow}
            {footnote}
          </>
        }
        table={
          <>
            {stagesTable}
            {atDaysTable}
          </>
        }
      >
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...GRID} />
          <XAxis type="number" dataKey="day" domain={[0, xMax]} ticks={ticks.length > 1 ? ticks : [0, xMax]} {...AXIS} tickFormatter={(v: number) => w.number(v)} />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} {...AXIS} width={44} tickFormatter={(v: number) => pct(v)} />
          <Tooltip
            {...TOOLTIP}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Drawn | undefined) : undefined;
              if (!p) return null;
              return (
                <div style={{ ...TOOLTIP.contentStyle, border: `1px solid ${chartColor.border}`, padding: "6px 8px" }}>
                  <p style={TOOLTIP.labelStyle}>{t("tipDay", { day: p.day })}</p>
                  <p>{t("tipStill", { share: pct(p.survival) })}</p>
                  <p>{t("tipBand", { lower: pct(p.band[0]), upper: pct(p.band[1]) })}</p>
                  {p.atRisk === null ? null : <p>{t("tipAtRisk", { count: p.atRisk })}</p>}
                </div>
              );
            }}
          />
          <Area dataKey="band" type="stepAfter" stroke="none" fill={color} fillOpacity={0.18} isAnimationActive={false} />
          <ReferenceLine y={0.5} stroke={chartColor.line} strokeDasharray="4 4" />
          {s.medianDays === null ? null : (
            <ReferenceLine x={s.medianDays} stroke={chartColor.ink} strokeDasharray="4 4" label={{ value: t("medianMark"), position: "top", fill: chartColor.text, fontSize: 12 }} />
          )}
          <Line dataKey="survival" type="stepAfter" stroke={color} strokeWidth={2} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ChartFigure>
    </div>
  );
}
