import { rangeProblem, type RangeProblem } from "@/lib/portfolio/range";
import { defaultRange, type PortfolioFilters } from "@/db/queries/portfolio";
import { oneParam as one, type SearchParams } from "@/lib/http/search-params";

export type { SearchParams };

/** Filters from the URL; missing, malformed or out-of-bounds dates fall back to the last twelve months. */
export function filtersFrom(sp: SearchParams, today: string): PortfolioFilters & { error?: RangeProblem } {
  const def = defaultRange(today);
  const date = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : "");
  let from = date(one(sp.from)) || def.from;
  let to = date(one(sp.to)) || def.to;
  const error = rangeProblem(from, to) ?? undefined;
  if (error) ({ from, to } = def);
  const consultant = one(sp.consultant);
  return { from, to, today, consultantId: /^[0-9a-f-]{36}$/i.test(consultant) ? consultant : null, industry: one(sp.industry) || null, error };
}

/** The filter part of a portfolio URL, so drill-down links keep the same filters. */
export function filterQuery(f: PortfolioFilters, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  if (f.consultantId) q.set("consultant", f.consultantId);
  if (f.industry) q.set("industry", f.industry);
  q.set("from", f.from);
  q.set("to", f.to);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

export const drillHref = (f: PortfolioFilters, extra: Record<string, string | number>) => `/portfolio/clients?${filterQuery(f, extra)}`;
