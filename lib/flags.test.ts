import { describe, expect, it } from "vitest";
import { daysBetween, isNewClient, isOverdue, noRecentCheckIn, NO_CHECKIN_DAYS, OVERDUE_MIN_DAYS } from "./flags";

describe("daysBetween", () => {
  it("counts calendar days, across months and leap days, either way", () => {
    expect(daysBetween("2026-01-31", "2026-03-01")).toBe(29);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-10", "2026-03-09")).toBe(-1);
  });
});

describe("no recent check-in, and new clients", () => {
  const today = "2026-06-30";

  it("a client created today without a check-in is new, not overdue", () => {
    const r = { lastCheckIn: null, createdOn: today, today };
    expect(noRecentCheckIn(r)).toBe(false);
    expect(isNewClient(r)).toBe(true);
  });

  it("stays new for exactly NO_CHECKIN_DAYS days after it was created, then is flagged", () => {
    expect(NO_CHECKIN_DAYS).toBe(45);
    const at45 = { lastCheckIn: null, createdOn: "2026-05-16", today }; // 45 days
    const at46 = { lastCheckIn: null, createdOn: "2026-05-15", today }; // 46 days
    expect(daysBetween(at45.createdOn, today)).toBe(45);
    expect([noRecentCheckIn(at45), isNewClient(at45)]).toEqual([false, true]);
    expect([noRecentCheckIn(at46), isNewClient(at46)]).toEqual([true, false]);
  });

  it("with check-ins, counts from the last one (more than 45 days), whatever the creation date", () => {
    expect(noRecentCheckIn({ lastCheckIn: "2026-05-16", createdOn: "2020-01-01", today })).toBe(false);
    expect(noRecentCheckIn({ lastCheckIn: "2026-05-15", createdOn: "2020-01-01", today })).toBe(true);
    expect(isNewClient({ lastCheckIn: "2026-06-29", createdOn: today, today })).toBe(false);
  });

  it("a client created after the user's today (a zone behind UTC) is new", () => {
    expect(isNewClient({ lastCheckIn: null, createdOn: "2026-07-01", today })).toBe(true);
  });
});

describe("overdue", () => {
  it("fires past the stage's threshold and past OVERDUE_MIN_DAYS, never in stage 6 or without a threshold", () => {
    expect(OVERDUE_MIN_DAYS).toBe(60);
    expect(isOverdue({ stage: 3, daysInStage: 200, threshold: 150 })).toBe(true);
    expect(isOverdue({ stage: 3, daysInStage: 150, threshold: 150 })).toBe(false);
    // A short threshold does not flag a client only weeks in.
    expect(isOverdue({ stage: 2, daysInStage: 60, threshold: 20 })).toBe(false);
    expect(isOverdue({ stage: 2, daysInStage: 61, threshold: 20 })).toBe(true);
    expect(isOverdue({ stage: 6, daysInStage: 900, threshold: 100 })).toBe(false);
    expect(isOverdue({ stage: 4, daysInStage: 900, threshold: null })).toBe(false);
    expect(isOverdue({ stage: null, daysInStage: null, threshold: 10 })).toBe(false);
    expect(isOverdue({ stage: 3, daysInStage: 400, threshold: 300, archived: true })).toBe(false);
  });
});
