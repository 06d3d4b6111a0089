import type { AgreementAgainst, AgreementDrill, AgreementFilters } from "@/db/queries/insight/agreement";
import { oneParam as one, type SearchParams } from "@/lib/http/search-params";

// The agreement pages' URL: the portfolio's consultant and industry filters (no dates: the pages
// are about the current state), and for the drill-down which clients to list.

export type { SearchParams };

/** A malformed consultant id is passed on as it is, so the query refuses it and the page says so. */
export function agreementFiltersFrom(sp: SearchParams): AgreementFilters {
  return { consultantId: one(sp.consultant) || null, industry: one(sp.industry) || null };
}

/** The drill-down from the URL; null when it names no comparison or a stage outside 1..6. */
export function agreementDrillFrom(sp: SearchParams): AgreementDrill | null {
  const against = one(sp.against);
  if (against !== "override" && against !== "self") return null;
  const stage = (k: string): number | undefined | null => {
    const v = one(sp[k]);
    if (!v) return undefined;
    return /^[1-6]$/.test(v) ? Number(v) : null;
  };
  const inferred = stage("inferred");
  const other = stage("other");
  if (inferred === null || other === null) return null;
  const by = one(sp.byConsultant);
  return { against, inferred, other, consultantId: by ? (by === "none" ? null : by) : undefined, disagreeOnly: one(sp.disagree) === "1" };
}

function query(f: AgreementFilters, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  if (f.consultantId) q.set("consultant", f.consultantId);
  if (f.industry) q.set("industry", f.industry);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, String(v));
  return q.toString();
}

export function agreementHref(f: AgreementFilters): string {
  const q = query(f);
  return q ? `/portfolio/agreement?${q}` : "/portfolio/agreement";
}

export function agreementClientsHref(
  f: AgreementFilters,
  drill: { against: AgreementAgainst; inferred?: number; other?: number; consultantId?: string | null; disagreeOnly?: boolean },
): string {
  return `/portfolio/agreement/clients?${query(f, {
    against: drill.against,
    inferred: drill.inferred,
    other: drill.other,
    byConsultant: drill.consultantId === undefined ? undefined : (drill.consultantId ?? "none"),
    disagree: drill.disagreeOnly ? 1 : undefined,
  })}`;
}
