// The client list's state lives in the URL (?q=&stage=&flag=&archived=1&sort=&dir=&page=), so it is
// server-rendered, bookmarkable and works without JavaScript.
import { FLAGS, type Flag } from "@/lib/flags";
import { CLIENT_SORTS, type ClientListQuery, type ClientSort } from "@/lib/clients/list-types";
import { oneParam as one } from "@/lib/http/search-params";

export type RawParams = Record<string, string | string[] | undefined>;

export function parseListParams(raw: RawParams): ClientListQuery {
  const q = one(raw.q).slice(0, 200);
  const stageRaw = one(raw.stage);
  const stage = stageRaw === "none" ? "none" : /^[1-6]$/.test(stageRaw) ? Number(stageRaw) : undefined;
  const flag = (FLAGS as string[]).includes(one(raw.flag)) ? (one(raw.flag) as Flag) : undefined;
  const sort = (CLIENT_SORTS as readonly string[]).includes(one(raw.sort)) ? (one(raw.sort) as ClientSort) : undefined;
  const dir = one(raw.dir) === "desc" ? "desc" : "asc";
  return { q: q || undefined, stage, flag, archived: one(raw.archived) === "1", sort, dir };
}

/** The raw `page` parameter; the query clamps it to the pages there are (garbage gives page 1). */
export function pageParam(raw: RawParams): string {
  return one(raw.page).slice(0, 20);
}

/** The list URL for a query, leaving defaults out; `page` only past page 1 (a new sort or filter starts at page 1). */
export function listHref(query: ClientListQuery, change: Partial<ClientListQuery> = {}, page?: number): string {
  const next = { ...query, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  if (next.stage !== undefined) p.set("stage", String(next.stage));
  if (next.flag) p.set("flag", next.flag);
  if (next.archived) p.set("archived", "1");
  if (next.sort && next.sort !== "name") p.set("sort", next.sort);
  if (next.dir === "desc") p.set("dir", "desc");
  if (page !== undefined && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/clients?${s}` : "/clients";
}
