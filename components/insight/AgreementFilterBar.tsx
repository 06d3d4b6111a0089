import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";

// The portfolio's consultant and industry filters without its dates (agreement is about the
// current state). A plain GET form, as on the portfolio: the filters live in the URL.
export function AgreementFilterBar({ action, consultantId, industry, consultants, industries }: { action: string; consultantId: string | null; industry: string | null; consultants: { id: string; name: string }[]; industries: string[] }) {
  const t = useTranslations("portfolio.filters");
  return (
    <form
      method="get"
      action={action}
      aria-label={t("label")}
      className="no-print mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex sm:flex-wrap dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="min-w-0 sm:w-48">
        <label htmlFor="agreement-consultant">{t("consultant")}</label>
        <select id="agreement-consultant" name="consultant" defaultValue={consultantId ?? ""} className={inputClass}>
          <option value="">{t("allConsultants")}</option>
          {consultants.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </div>
      <div className="min-w-0 sm:w-48">
        <label htmlFor="agreement-industry">{t("industry")}</label>
        <select id="agreement-industry" name="industry" defaultValue={industry ?? ""} className={inputClass}>
          <option value="">{t("allIndustries")}</option>
          {industries.map((i) => (
            <option key={i} value={i}>{i}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
        <a href={action} className={buttonClass("secondary")}>{t("reset")}</a>
      </div>
    </form>
  );
}
