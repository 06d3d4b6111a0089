import { useTranslations } from "next-intl";

type Translate = ReturnType<typeof useTranslations<"client">>;
const wordsCache = new WeakMap<Translate, Map<number, { name: string; title: string; short: string }>>();
/**
 * A badge's words for one stage, worked out once per translator (one per request and language on
 * the server): a portfolio page shows hundreds of badges and formatted the same six each time.
 */
function badgeWords(t: Translate, stage: 1 | 2 | 3 | 4 | 5 | 6) {
  let byStage = wordsCache.get(t);
  if (!byStage) wordsCache.set(t, (byStage = new Map()));
  let w = byStage.get(stage);
  if (!w) {
    const name = t(`stages.${stage}.name`);
    w = { name, title: t("stageLabel", { stage, name }), short: t("badge.short", { stage }) };
    byStage.set(stage, w);
  }
  return w;
}

/**
 * The stage's number and name from the user's language (messages client.stages). Works in server
 * and client components. Its colours are the classes sl-badge and sl-stage-N in app/globals.css.
 */
export function StageBadge({ stage, compact = false }: { stage: number | null; compact?: boolean }) {
  const t = useTranslations("client");
  if (stage === null || !Number.isInteger(stage) || stage < 1 || stage > 6) {
    return (
      <span className="inline-flex rounded-full bg-white px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600">
        {t("badge.none")}
      </span>
    );
  }
  const { name, title, short } = badgeWords(t, stage as 1 | 2 | 3 | 4 | 5 | 6);
  return (
    // Compact (the portfolio's lists, hundreds of them): the number alone, without a wrapper.
    <span className={`sl-badge sl-stage-${stage}${compact ? " whitespace-nowrap" : ""}`} title={title} data-stage={stage}>
      {compact ? short : <><span className="whitespace-nowrap">{short}</span><span className="font-normal">· {name}</span></>}
    </span>
  );
}
