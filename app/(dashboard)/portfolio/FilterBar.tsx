import { buttonClass, inputClass } from "@/components/ui/primitives";
import type { PortfolioFilters } from "@/db/queries/portfolio";

// A plain GET form: the filters live in the URL and work without JavaScript.
export function FilterBar({ action, filters, consultants, industries }: { action: string; filters: PortfolioFilters; consultants: { id: string; name: string }[]; industries: string[] }) {
  return (
    <form method="get" action={action} aria-label="Filters" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="min-w-40">
        Consultant
        <select name="consultant" aria-label="Consultant" defaultValue={filters.consultantId ?? ""} className={inputClass}>
          <option value="">All consultants</option>
          {consultants.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <label className="min-w-40">
        Industry
        <select name="industry" aria-label="Industry" defaultValue={filters.industry ?? ""} className={inputClass}>
          <option value="">All industries</option>
          {industries.map((i) => (
            <option key={i} value={i}>{i}</option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" name="from" defaultValue={filters.from} className={inputClass} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={filters.to} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass("primary")}>Apply</button>
      <a href={action} className={buttonClass("secondary")}>Reset</a>
    </form>
  );
}
