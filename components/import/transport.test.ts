import { describe, expect, it } from "vitest";
import { formatErrorMessage } from "@/lib/checkin-format";
import { describeError, readApiError, readJsonLines } from "./transport";

describe("the wizard's reading of the server's answers", () => {
  it("words a problem exactly as the format module does (the browser cannot import it)", () => {
    const cases = [
      { line: 7, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' },
      { index: 3, column: "date", message: "required" },
      { line: 2, column: null, message: "wrong number of cells" },
      { column: null, message: "empty file: expected a header row" },
    ];
    for (const c of cases) expect(describeError(c)).toBe(formatErrorMessage(c));
  });

  it("reads the one error shape, and nothing else, from a failed answer", () => {
    expect(readApiError('{"error":{"code":"payload_too_large","message":"The upload is larger than 50 MB.","details":[]}}')).toEqual({
      code: "payload_too_large",
      message: "The upload is larger than 50 MB.",
      details: [],
    });
    expect(readApiError("<html>Bad gateway</html>")).toBeNull();
    expect(readApiError('{"error":"not-found"}')).toBeNull();
  });

  it("keeps only whole JSON lines of a stream still arriving", () => {
    const text = '{"type":"phase","phase":"write","records":2}\n{"type":"progress","done":1,"total":2}\n{"type":"res';
    expect(readJsonLines(text).map((m) => m.type)).toEqual(["phase", "progress"]);
    expect(readJsonLines(text, true)).toHaveLength(2);
  });
});
