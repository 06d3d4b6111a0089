import { describe, expect, it } from "vitest";
import { pageHrefs, pastTheEnd } from "./paging-links";

describe("pageHrefs", () => {
  const href = pageHrefs("/portfolio/clients", { stage: "3", byConsultant: ["c1", "c2"], page: "4", empty: undefined });
  it("keeps the other parameters (the first of repeated ones), drops the page number for page 1", () => {
    expect(href(1)).toBe("/portfolio/clients?stage=3&byConsultant=c1");
    expect(href(2)).toBe("/portfolio/clients?stage=3&byConsultant=c1&page=2");
  });
});

describe("pastTheEnd", () => {
  const href = (n: number) => `/list?page=${n}`;
  it("sends a page past the end to the last page", () => {
    expect(pastTheEnd({ page: 9, pageCount: 3 }, 0, href)).toBe("/list?page=3");
    expect(pastTheEnd({ page: 2, pageCount: 1 }, 0, href)).toBe("/list?page=1");
  });
  it("leaves every other page where it is: the last, a middle one, an empty list's first", () => {
    expect(pastTheEnd({ page: 3, pageCount: 3 }, 7, href)).toBeNull();
    expect(pastTheEnd({ page: 2, pageCount: 3 }, 100, href)).toBeNull();
    expect(pastTheEnd({ page: 1, pageCount: 1 }, 0, href)).toBeNull();
  });
});
