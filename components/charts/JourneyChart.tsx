import { useFormatter, useTranslations } from "next-intl";

export interface JourneyPoint {
  date: string;
  stage: number;
}

const STAGES = [1, 2, 3, 4, 5, 6] as const;
const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(iso.slice(0, 10) + "T00:00:00Z");

// The plot inside the box, in percent of its width and height. Every x and y below is a
// percentage, so the drawing fills whatever width the card has (a phone, A4 paper) while the text
// keeps its size in px; dx/dy nudge text by px from those points.
const LEFT = 1.5;
const RIGHT = 96;
const TOP = 2;
const BOTTOM = 89; // the time axis; its labels sit below it

// Text colours hold 4.5:1 on the card in both themes; the halo (stroke) is the card's own colour,
// so a stage name stays readable where the line runs under it.
const TICK_TEXT = "fill-slate-700 dark:fill-slate-200";
const HALO = "stroke-white dark:stroke-slate-900";

/** Up to `n` evenly spaced ticks from `min` to `max` (one tick for a single day). */
function ticksBetween(min: number, max: number, n: number): number[] {
  if (max <= min) return [min];
  return Array.from({ length: n }, (_, i) => Math.round(min + ((max - min) * i) / (n - 1)));
}

const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

/**
 * A client's stage over time as a step line: it holds each stage until the next check-in changes
 * it. The stage names sit on the journey axis, inside the plot so a phone keeps its width.
 *
 * Drawn on the server as plain SVG (no chart library, no JavaScript in the browser: this is the
 * phone-first page, and it prints as drawn). It is one image with a name and no Tab stop; the page
 * lists the same data beside it (JourneyList). Hovering a point shows its date and stage.
 */
export function JourneyChart({ points, title }: { points: JourneyPoint[]; title: string }) {
  const t = useTranslations("progress.journey");
  const stages = useTranslations("client.stages");
  const format = useFormatter();
  const data = points.map((p) => ({ t: day(p.date), stage: p.stage }));
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? first;
  const single = last - first < DAY_MS;
  // A journey of one check-in gets room on both sides, so its one point sits in the middle on purpose.
  const [from, to] = single ? [first - 45 * DAY_MS, first + 45 * DAY_MS] : [first, last];
  const ticks = single ? [first] : ticksBetween(first, last, 3);
  const name = (s: number) => stages(`${s as 1 | 2 | 3 | 4 | 5 | 6}.name`);
  const dayText = (ms: number) => format.dateTime(new Date(ms), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const monthText = (ms: number) => format.dateTime(new Date(ms), { month: "short", year: "numeric", timeZone: "UTC" });
  const x = (ms: number) => LEFT + ((ms - from) / (to - from)) * (RIGHT - LEFT);
  const y = (stage: number) => TOP + ((6.5 - stage) / 6) * (BOTTOM - TOP);
  const band = (BOTTOM - TOP) / 6;
  const anchor = (i: number) => (single ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle");

  return (
    <div role="img" aria-label={title} className="journey-chart h-72 w-full min-w-0 text-indigo-700 sm:h-80 dark:text-indigo-300">
      <svg aria-hidden="true" focusable="false" width="100%" height="100%" className="block overflow-visible">
        {STAGES.map((s) =>
          s % 2 ? <rect key={s} x="0" width="100%" y={pct(y(s) - band / 2)} height={pct(band)} fill="#94a3b8" fillOpacity={0.12} /> : null,
        )}
        <line x1="0" x2="100%" y1={pct(BOTTOM)} y2={pct(BOTTOM)} stroke="#64748b" />
        {ticks.map((tick, i) => (
          <text key={tick} x={pct(x(tick))} y={pct(BOTTOM)} dy={18} fontSize={12} textAnchor={anchor(i)} className={TICK_TEXT}>
            {monthText(tick)}
          </text>
        ))}
        {STAGES.map((s) => (
          <text key={s} x="0" dx={6} y={pct(y(s))} dy={-5} fontSize={11} className={`${TICK_TEXT} ${HALO}`} strokeWidth={4} paintOrder="stroke" strokeLinejoin="round">
            {t("axisStage", { stage: s, name: name(s) })}
          </text>
        ))}
        <g stroke="currentColor" strokeWidth={2.5} strokeLinecap="round">
          {data.slice(1).map((p, i) => {
            const prev = data[i]!;
            return (
              <g key={i}>
                <line x1={pct(x(prev.t))} x2={pct(x(p.t))} y1={pct(y(prev.stage))} y2={pct(y(prev.stage))} />
                {p.stage !== prev.stage ? <line x1={pct(x(p.t))} x2={pct(x(p.t))} y1={pct(y(prev.stage))} y2={pct(y(p.stage))} /> : null}
              </g>
            );
          })}
        </g>
        {data.map((p, i) => (
          <circle key={i} cx={pct(x(p.t))} cy={pct(y(p.stage))} r={single ? 6 : 3} fill="currentColor" data-stage={p.stage}>
            <title>{`${dayText(p.t)}: ${t("tooltipStage", { stage: p.stage, name: name(p.stage) })}`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
