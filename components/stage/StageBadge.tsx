import { useTranslations } from "next-intl";
import { STAGE_COLORS } from "./colors";

/** The stage's number and name from the user's language (messages client.stages). Works in server and client components. */
export function StageBadge({ stage, compact = false }: { stage: number | null; compact?: boolean }) {
  const t = useTranslations("client");
  if (stage === null || !Number.isInteger(stage) || stage < 1 || stage > 6) {
    return (
      <span className="inline-flex rounded-full bg-white px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600">
        {t("badge.none")}
      </span>
    );
  }
  const name = t(`stages.${stage as 1 | 2 | 3 | 4 | 5 | 6}.name`);
  return (
    <span
      className={`inline-flex max-w-full flex-wrap items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STAGE_COLORS[stage]!.badge}`}
      title={t("stageLabel", { stage, name })}
      data-stage={stage}
    >
      <span className="whitespace-nowrap">{t("badge.short", { stage })}</span>
      {compact ? null : <span className="font-normal">· {name}</span>}
    </span>
  );
}
