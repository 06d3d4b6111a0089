// The client page's outlook: how stays like this client's current one went on, in one sentence,
// with the source it came from and the overdue flag. Data arrives as props (db/queries/insight/outlook.ts).
import { useId } from "react";
import { useTranslations } from "next-intl";
import { mutedClass } from "@/components/ui/primitives";

/** The fields of db/queries/insight/outlook.ts's ClientOutlook this card shows. */
export interface OutlookView {
  stage: number | null;
  daysInStage: number | null;
  unavailable: "no-stage" | "top-stage" | "archived" | "no-comparable" | null;
  source: "firm" | "all-firms" | null;
  comparable: number;
  movedOnWithin90: number | null;
  typicalRemainingDays: number | null;
  followUpDays: number | null;
  overdue: boolean;
}

export function OutlookCard({ outlook, horizon, minComparable, className = "" }: { outlook: OutlookView; horizon: number; minComparable: number; className?: string }) {
  const t = useTranslations("outlook.card");
  const headingId = useId();
  const o = outlook;
  const stage = o.stage ?? 0;
  let body: React.ReactNode;
  if (o.unavailable || o.movedOnWithin90 === null) {
    const key = o.unavailable === "top-stage" ? "topStage" : o.unavailable === "archived" ? "archived" : o.unavailable === "no-comparable" ? "noComparable" : "noStage";
    body = <p className="text-sm">{t(key, { stage })}</p>;
  } else {
    const common = { count: o.comparable, stage, share: o.movedOnWithin90, horizon };
    body = (
      <>
        <p data-testid="outlook-sentence">
          {o.typicalRemainingDays !== null
            ? t("sentence", { ...common, remaining: o.typicalRemainingDays })
            : t("sentenceNotReached", { ...common, remaining: o.followUpDays ?? 0 })}
        </p>
        <p className={`mt-1 text-sm ${mutedClass}`}>
          {o.source === "firm" ? t("sourceFirm") : t("sourceAll", { min: minComparable })} {t("movedOn")}
        </p>
      </>
    );
  }
  return (
    // The Card primitive's look, named by its heading so that it is a landmark region.
    <section aria-labelledby={headingId} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:shadow-none ${className}`}>
      <h2 id={headingId} className="mb-2 text-base font-semibold">{t("title")}</h2>
      <div data-testid="outlook" data-source={o.source ?? ""} data-overdue={o.overdue ? "true" : "false"} className="space-y-1">
        {o.daysInStage !== null && o.stage !== null ? <p className={`text-sm ${mutedClass}`}>{t("soFar", { days: o.daysInStage, stage })}</p> : null}
        {body}
        {o.overdue ? (
          <p role="note" className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {t("overdue")}
          </p>
        ) : null}
      </div>
    </section>
  );
}
