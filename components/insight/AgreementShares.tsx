import { useFormatter, useTranslations } from "next-intl";
import type { AgreementSummary } from "@/lib/insight/agreement";

// The two headline figures of one comparison: the share that agree exactly and within one stage.
export function AgreementShares({ summary }: { summary: AgreementSummary }) {
  const t = useTranslations("agreement");
  const format = useFormatter();
  const share = (s: number | null) => (s === null ? t("noShare") : format.number(s, { style: "percent", maximumFractionDigits: 0 }));
  const figure = (value: string, label: string) => (
    <div className="min-w-0">
      <dt className="text-sm text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
  return (
    <dl className="mb-3 flex flex-wrap gap-x-8 gap-y-2">
      {figure(share(summary.exactShare), t("exact"))}
      {figure(share(summary.withinOneShare), t("withinOne"))}
    </dl>
  );
}
