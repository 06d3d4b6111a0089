import { describe, expect, it } from "vitest";
import { listHref, pageParam, parseListParams } from "./list-params";

describe("client list URL state", () => {
  it("reads valid params and drops invalid ones", () => {
    expect(parseListParams({ q: "  rosa ", stage: "3", flag: "stalled", archived: "1", sort: "lastCheckIn", dir: "desc" })).toEqual({
      q: "  rosa ", stage: 3, flag: "stalled", archived: true, sort: "lastCheckIn", dir: "desc",
    });
    expect(parseListParams({ stage: "7", flag: "nope", sort: "id; drop table", dir: "sideways", archived: "yes" })).toEqual({
      q: undefined, stage: undefined, flag: undefined, archived: false, sort: undefined, dir: "asc",
    });
    expect(parseListParams({ stage: "none", q: ["a", "b"] })).toMatchObject({ stage: "none", q: "a" });
  });

  it("writes a URL that reads back to the same query, leaving defaults out", () => {
    const q = parseListParams({ q: "bakery & co", stage: "none", flag: "regressed", archived: "1", sort: "stage", dir: "desc" });
    const href = listHref(q);
    expect(href.startsWith("/clients?")).toBe(true);
    expect(parseListParams(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual(q);
    expect(listHref(parseListParams({}))).toBe("/clients");
    expect(listHref(parseListParams({ sort: "name" }), { sort: "name", dir: "asc" })).toBe("/clients");
  });

  it("page links keep search, filters and sort; page 1 and a new sort leave the page out", () => {
    const q = parseListParams({ q: "tea", stage: "2", sort: "stage", dir: "desc" });
    const href = listHref(q, {}, 3);
    const back = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(back).toMatchObject({ q: "tea", stage: "2", sort: "stage", dir: "desc", page: "3" });
    expect(pageParam(back)).toBe("3");
    expect(listHref(q, {}, 1)).not.toContain("page=");
    expect(listHref(q, { sort: "name" })).not.toContain("page=");
    expect(pageParam({ page: ["9", "2"] })).toBe("9");
    expect(pageParam({})).toBe("");
  });
});
