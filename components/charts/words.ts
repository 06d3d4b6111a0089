// The words and numbers every chart shares, in the user's language: stage labels, counts, dates.
// Bengali gets Bengali digits and month names from Intl (next-intl's formatter), axes included.
import { useFormatter, useTranslations } from "next-intl";
import { formatDay, formatMonth } from "@/lib/i18n/format";

type StageKey = "1" | "2" | "3" | "4" | "5" | "6";
const key = (stage: number) => String(stage) as StageKey;

export function useChartWords() {
  const t = useTranslations("charts");
  const tc = useTranslations("client");
  const format = useFormatter();
  const isStage = (s: number) => Number.isInteger(s) && s >= 1 && s <= 6;
  return {
    t,
    /** "Stage 3" / "ধাপ ৩": short enough for an axis tick. */
    stage: (s: unknown) => t("stage", { stage: Number(s) }),
    /** The stage's name alone: "It's not working". */
    stageName: (s: number) => (isStage(s) ? tc(`stages.${key(s)}.name`) : ""),
    /** "Stage 3: It's not working". */
    stageLabel: (s: number) => (isStage(s) ? tc("stageLabel", { stage: s, name: tc(`stages.${key(s)}.name`) }) : t("stage", { stage: s })),
    number: (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? format.number(n) : String(n ?? "")),
    percent: (n: number) => format.number(n / 100, { style: "percent", maximumFractionDigits: 0 }),
    day: (iso: string) => formatDay(format, iso),
    /** An instant (ms since 1970, a UTC midnight) as that calendar day. */
    dayOf: (ms: unknown) => formatDay(format, new Date(Number(ms)).toISOString()),
    /** "Mar 2026" / "মার্চ, ২০২৬", from YYYY-MM or a UTC-midnight instant. */
    month: (v: string | number) => formatMonth(format, typeof v === "number" ? new Date(v).toISOString() : v),
  };
}

export type ChartWords = ReturnType<typeof useChartWords>;
