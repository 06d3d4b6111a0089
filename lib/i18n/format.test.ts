import { describe, expect, it } from "vitest";
import { createFormatter } from "use-intl/core";
import { formatDay, formatInstantDay, formatMonth, formatStamp } from "./format";

// The request configuration (i18n/request.ts) sets no named formats: these helpers carry their
// options, and next-intl adds the user's time zone to instants.
const dhaka = createFormatter({ locale: "en", timeZone: "Asia/Dhaka" });
const bn = createFormatter({ locale: "bn", timeZone: "Asia/Dhaka" });
// 20:30 UTC on 9 March is 02:30 on 10 March in Dhaka (UTC+6).
const late = new Date("2026-03-09T20:30:00Z");

describe("date helpers", () => {
  it("formats an instant in the user's zone, with the zone's name", () => {
    expect(formatStamp(dhaka, late)).toBe("Mar 10, 2026, 2:30 AM GMT+6");
    expect(formatStamp(dhaka, late.toISOString())).toBe(formatStamp(dhaka, late));
    expect(formatInstantDay(dhaka, late)).toBe("Mar 10, 2026");
  });

  it("keeps a calendar date on its day whatever the zone", () => {
    expect(formatDay(dhaka, "2026-03-09")).toBe("Mar 9, 2026");
    expect(formatDay(createFormatter({ locale: "en", timeZone: "America/Los_Angeles" }), "2026-03-09")).toBe("Mar 9, 2026");
    expect(formatMonth(dhaka, "2026-03-31")).toBe("Mar 2026");
  });

  it("words dates in Bengali with Bengali digits", () => {
    expect(formatDay(bn, "2026-03-09")).toMatch(/^৯ মার্চ, ২০২৬$/);
    expect(formatInstantDay(bn, late)).toMatch(/১০/);
  });
});
