import { describe, expect, it } from "vitest";
import { dayIn, isTimeZone, timeZones, todayFor } from "./zone";

describe("today in the user's zone", () => {
  it("at 23:05 UTC it is already tomorrow in Dhaka (UTC+6) and still today in UTC", () => {
    const now = new Date("2026-03-09T23:05:00Z");
    expect(dayIn("UTC", now)).toBe("2026-03-09");
    expect(dayIn("Asia/Dhaka", now)).toBe("2026-03-10");
    expect(todayFor({ timeZone: "Asia/Dhaka" }, now)).toBe("2026-03-10");
  });
  it("13 hours ahead of UTC (Pacific/Tongatapu) and behind (America/Los_Angeles)", () => {
    const now = new Date("2026-07-01T12:30:00Z");
    expect(dayIn("Pacific/Tongatapu", now)).toBe("2026-07-02");
    expect(dayIn("America/Los_Angeles", new Date("2026-07-01T03:00:00Z"))).toBe("2026-06-30");
  });
  it("knows real zones and refuses made-up ones; without a zone it is UTC", () => {
    expect(isTimeZone("Asia/Dhaka")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(timeZones()).toContain("Asia/Dhaka");
    expect(todayFor(null, new Date("2026-01-01T00:30:00Z"))).toBe("2026-01-01");
  });
});
