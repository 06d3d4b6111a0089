import { oneParam, type SearchParams } from "@/lib/http/search-params";

/**
 * Page `n` of the list at `path`: the other search parameters (filters, sort, drill) stay as they
 * are, and page 1 has no page parameter.
 */
export function pageHrefs(path: string, sp: SearchParams): (n: number) => string {
  return (n) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "page" && v !== undefined) q.set(k, oneParam(v));
    if (n > 1) q.set("page", String(n));
    return `${path}?${q.toString()}`;
  };
}

/**
 * Where a page past the end of its list goes: the list's last page (the list shrank since the
 * link was made). Null for any other page, an empty first page included.
 */
export function pastTheEnd(found: { page: number; pageCount: number }, rows: number, href: (n: number) => string): string | null {
  return rows === 0 && found.page > found.pageCount ? href(found.pageCount) : null;
}
