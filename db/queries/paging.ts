// Pages of a drill-down list (the portfolio's bars, the cohort triangle's cells, the agreement
// matrix): a list behind one figure of a 10,000-client firm holds thousands of clients, and
// drawing them all took seconds and megabytes (docs/performance.md, Stop 30).

/** Rows per page of a drill-down list. */
export const DRILL_PAGE_SIZE = 100;

export interface PageCut {
  /** The page asked for, 1 or more: a number that is not one reads page 1. */
  page: number;
  limit: number;
  offset: number;
}

/** What `limit` and `offset` a page number (from the URL) asks for. */
export function pageCut(page: number, size = DRILL_PAGE_SIZE): PageCut {
  const p = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const limit = Math.max(1, Math.floor(size));
  return { page: p, limit, offset: (p - 1) * limit };
}

export interface Paged {
  total: number;
  page: number;
  pageCount: number;
}

/** The page's place in the whole list. A page past the end keeps its number, so the page can send the reader to the last one. */
export function paged(cut: PageCut, total: number): Paged {
  return { total, page: cut.page, pageCount: Math.max(1, Math.ceil(total / cut.limit)) };
}
