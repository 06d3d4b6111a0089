import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const base = "https://stageline.example";

describe("safeRedirect (callbackUrl)", () => {
  it("keeps paths of this site and URLs of this origin", () => {
    expect(safeRedirect("/clients?x=1", base)).toBe(`${base}/clients?x=1`);
    expect(safeRedirect(`${base}/portfolio`, base)).toBe(`${base}/portfolio`);
  });
  it("sends anything else to the home page", () => {
    for (const bad of ["abc", "", "//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "https://stageline.example.evil.example/"]) {
      expect(safeRedirect(bad, base), bad).toBe(base);
    }
  });
});
