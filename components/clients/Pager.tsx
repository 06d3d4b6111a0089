import Link from "next/link";
import type { ClientListQuery } from "@/lib/clients/list-types";
import { listHref } from "./list-params";

/** Previous/next links of the client list: plain links (work without JavaScript) keeping search, filters and sort. */
export function Pager({ query, page, pageCount }: { query: ClientListQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const link = "rounded border border-slate-300 px-3 py-1 text-indigo-700 hover:bg-slate-50";
  const off = "rounded border border-slate-200 px-3 py-1 text-slate-400";
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 ? <Link href={listHref(query, {}, page - 1)} rel="prev" className={link}>← Previous</Link> : <span className={off} aria-disabled="true">← Previous</span>}
      <span className="text-slate-600">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={listHref(query, {}, page + 1)} rel="next" className={link}>Next →</Link> : <span className={off} aria-disabled="true">Next →</span>}
    </nav>
  );
}
