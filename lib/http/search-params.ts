/** A page's search parameters, as Next.js gives them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One search parameter as a string: the first of repeated ones, "" when absent. */
export const oneParam = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? "";
