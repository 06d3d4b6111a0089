import { describe, expect, it } from "vitest";
import { jsonDepth, JsonDepthError, MAX_JSON_DEPTH, parseJsonBounded } from "./safe-json";

describe("bounded JSON", () => {
  it("measures nesting, ignoring brackets inside strings", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('["[[[[", "\\"[[["]')).toBe(1);
  });

  it("refuses 200,000 levels quickly, without overflowing the stack", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const started = Date.now();
    expect(() => parseJsonBounded(deep)).toThrow(JsonDepthError);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it("parses what our documents look like", () => {
    const ok = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(() => parseJsonBounded(ok)).not.toThrow();
    expect(parseJsonBounded('[{"client":"A","tools":["crm"]}]')).toEqual([{ client: "A", tools: ["crm"] }]);
    expect(() => parseJsonBounded("[1,")).toThrow(SyntaxError);
  });
});
