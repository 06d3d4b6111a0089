import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import type { PortfolioFilters } from "@/db/queries/portfolio";

// A plain GET form: the filters live in the URL and work without JavaScript. On a phone the
// fields stack (the two dates side by side); from sm up they wrap in one row.
export function FilterBar({ action, filters, consultants, industries }: { action: string; filters: PortfolioFilters; consultants: { id: string; name: string }[]; industries: string[] }) {
  const t = useTranslations("portfolio.filters");
  const field = "min-w-0 sm:w-48";
  return (
    <form
      method="get"
      action={action}
      aria-label={t("label")}
      className="no-print mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex sm:flex-wrap dark:border-slate-700 dark:bg-slate-900"
    >
      <div className={`col-span-2 ${field}`}>
        <label htmlFor="filter-consultant">{t("consultant")}</label>
        <select id="filter-consultant" name="consultant" defaultValue={filters.consultantId ?? ""} className={inputClass}>
          <option value="">{t("allConsultants")}</option>
          {consultants.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </div>
      <div className={`col-span-2 ${field}`}>
        <label htmlFor="filter-industry">{t("industry")}</label>
        <select id="filter-industry" name="industry" defaultValue={filters.industry ?? ""} className={inputClass}>
          <option value="">{t("allIndustries")}</option>
          {industries.map((i) => (
            <option key={i} value={i}>{i}</option>
          ))}
        </select>
      </div>
      <div className="min-w-0 sm:w-40">
        <label htmlFor="filter-from">{t("from")}</label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from} className={inputClass} />
      </div>
      <div className="min-w-0 sm:w-40">
        <label htmlFor="filter-to">{t("to")}</label>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to} className={inputClass} />
      </div>
      <div className="col-span-2 flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
        <a href={action} className={buttonClass("secondary")}>{t("reset")}</a>
      </div>
    </form>
  );
}
