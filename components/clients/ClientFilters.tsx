import Link from "next/link";
import { STAGE_LABELS, type Stage } from "@/lib/stages";
import type { ClientListQuery } from "@/lib/clients/list-types";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { FLAG_LABELS, LIST_FLAGS } from "./labels";

/** A plain GET form: works without JavaScript, and the URL keeps the state. */
export function ClientFilters({ query }: { query: ClientListQuery }) {
  return (
    <form method="get" action="/clients" role="search" aria-label="Filter clients" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="min-w-48 flex-1">
        <label htmlFor="q" className="block text-sm font-medium">Search by name</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="stage" className="block text-sm font-medium">Stage</label>
        <select id="stage" name="stage" defaultValue={query.stage === undefined ? "" : String(query.stage)} className={inputClass}>
          <option value="">Any stage</option>
          {([1, 2, 3, 4, 5, 6] as Stage[]).map((s) => (
            <option key={s} value={s}>Stage {s}: {STAGE_LABELS[s]}</option>
          ))}
          <option value="none">No stage yet</option>
        </select>
      </div>
      <div>
        <label htmlFor="flag" className="block text-sm font-medium">Flag</label>
        <select id="flag" name="flag" defaultValue={query.flag ?? ""} className={inputClass}>
          <option value="">Any or none</option>
          {LIST_FLAGS.map((f) => (
            <option key={f} value={f}>{FLAG_LABELS[f]}</option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 pb-1.5">
        <input id="archived" name="archived" type="checkbox" value="1" defaultChecked={query.archived} className="h-4 w-4" />
        <label htmlFor="archived" className="text-sm font-medium">Archived</label>
      </div>
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir === "desc" ? <input type="hidden" name="dir" value="desc" /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>Apply</button>
        <Link href="/clients" className={buttonClass("secondary")}>Clear</Link>
      </div>
    </form>
  );
}
