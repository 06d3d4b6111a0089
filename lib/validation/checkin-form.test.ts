import { describe, expect, it } from "vitest";
import type { CheckInFields } from "../checkin-format";
import { diffFields, formErrorKinds, fractionToPercent, parseCheckInValues, percentToFraction, prefillFrom, valuesFromFields, valuesFromFormData } from "./checkin-form";
import { overrideInputSchema } from "./override";

const PREVIOUS: CheckInFields = {
  date: "2026-03-02", consultant: "priya@example.com", accounts: ["facebook", "x", "blog"], accountsSince: "2026-01-15",
  postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7, replies: "none", promotion: "light", results: "none",
  tools: ["scheduling"], mentionResponseHours: 48, advocacy: "none", attitude: "hopeful", followers: 120, notes: "Blog synced to Facebook",
};

describe("prefillFrom", () => {
  it("starts from the previous check-in's observations, dated today, with fresh notes kept internal (automation in percent)", () => {
    const v = prefillFrom(PREVIOUS, "2026-04-01");
    expect(v).toEqual({
      date: "2026-04-01", consultant: "", accounts: ["facebook", "x", "blog"], accounts_since: "2026-01-15", posts_last_30d: "3",
      rhythm: "sporadic", automated_share: "70", replies: "none", promotion: "light", results: "none", tools: ["scheduling"],
      mention_response_hours: "48", advocacy: "none", attitude: "hopeful", followers: "120", notes: "", notes_internal: true,
    });
  });

  it("does not share list arrays with the previous check-in", () => {
    const v = prefillFrom(PREVIOUS, "2026-04-01");
    v.accounts.push("tiktok");
    expect(PREVIOUS.accounts).toEqual(["facebook", "x", "blog"]);
  });

  it("without a previous check-in gives the format's defaults and leaves the required choices open", () => {
    const v = prefillFrom(null, "2026-04-01");
    expect(v.date).toBe("2026-04-01");
    expect(v.rhythm).toBe("");
    expect(v.replies).toBe("");
    expect(v.results).toBe("");
    expect(v.posts_last_30d).toBe("");
    expect(v.automated_share).toBe("0");
    expect(v.promotion).toBe("none");
    expect(v.advocacy).toBe("none");
    expect(v.accounts).toEqual([]);
    expect(v.notes_internal).toBe(true);
  });

  it("empty optional values stay empty (not the string 'null')", () => {
    const v = prefillFrom({ ...PREVIOUS, attitude: null, followers: null, mentionResponseHours: null, accountsSince: null }, "2026-04-01");
    expect([v.attitude, v.followers, v.mention_response_hours, v.accounts_since]).toEqual(["", "", "", ""]);
  });

  it("a prefilled form submitted unchanged validates to the previous observations with today's date", () => {
    const r = parseCheckInValues(prefillFrom(PREVIOUS, "2026-04-01"), new Date("2026-04-01T12:00:00Z"));
    expect(r).toEqual({ ok: true, notesInternal: true, fields: { ...PREVIOUS, date: "2026-04-01", consultant: null, notes: null } });
  });
});

describe("diffFields", () => {
  const before = valuesFromFields(PREVIOUS);

  it("is empty for the same observations", () => {
    expect(diffFields(before, prefillFrom(PREVIOUS, "2026-04-01"))).toEqual([]);
  });

  it("ignores date, consultant and notes, which change at every check-in", () => {
    expect(diffFields(before, { ...before, date: "2026-05-01", consultant: "x@example.com", notes: "new", notes_internal: false })).toEqual([]);
  });

  it("names each changed observation with both values, in form order", () => {
    const after = { ...before, posts_last_30d: "12", rhythm: "scheduled", tools: ["scheduling", "analytics"] };
    expect(diffFields(before, after)).toEqual([
      { field: "posts_last_30d", before: "3", after: "12" },
      { field: "rhythm", before: "sporadic", after: "scheduled" },
      { field: "tools", before: ["scheduling"], after: ["scheduling", "analytics"] },
    ]);
  });

  it("compares lists as sets and numbers as numbers, values case-insensitively", () => {
    const after = { ...before, accounts: ["blog", "X", "facebook"], automated_share: "70.0", posts_last_30d: " 3", rhythm: "Sporadic" };
    expect(diffFields(before, after)).toEqual([]);
  });

  it("sees a value cleared", () => {
    expect(diffFields(before, { ...before, followers: "" })).toEqual([{ field: "followers", before: "120", after: "" }]);
  });
});

describe("form data and validation", () => {
  it("reads checkbox groups as lists and the internal box as a boolean", () => {
    const fd = new FormData();
    fd.set("date", "2026-04-01");
    fd.append("accounts", "facebook");
    fd.append("accounts", "instagram");
    fd.set("posts_last_30d", "5");
    const v = valuesFromFormData(fd);
    expect(v.accounts).toEqual(["facebook", "instagram"]);
    expect(v.tools).toEqual([]);
    expect(v.notes_internal).toBe(false);
    expect(v.rhythm).toBe("");
    fd.set("notes_internal", "on");
    expect(valuesFromFormData(fd).notes_internal).toBe(true);
  });

  it("reports each bad field with the format's message", () => {
    const v = { ...prefillFrom(PREVIOUS, "2026-04-01"), posts_last_30d: "many", rhythm: "", date: "2026-04-02" };
    const r = parseCheckInValues(v, new Date("2026-04-01T12:00:00Z"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.posts_last_30d).toBe('expected a whole number from 0 to 10000, got "many"');
    expect(r.errors.rhythm).toBe("required: expected none, sporadic or scheduled");
    expect(r.errors.date).toBe("date 2026-04-02 is in the future (today is 2026-04-01)");
    expect(r.errors.replies).toBeUndefined();
  });

  it("sorts each problem into a kind the form can put into words", () => {
    const v = {
      ...prefillFrom(PREVIOUS, "2026-04-01"),
      date: "2026-04-02", accounts_since: "soon", posts_last_30d: "-4", rhythm: "", automated_share: "150",
      mention_response_hours: "lots", followers: "2.5", consultant: "not-an-email", notes: "x".repeat(5001),
    };
    const r = parseCheckInValues(v, new Date("2026-04-01T12:00:00Z"));
    if (r.ok) throw new Error("expected errors");
    expect(formErrorKinds(v, r.errors)).toEqual({
      date: "future", accounts_since: "badDate", posts_last_30d: "negative", rhythm: "required", automated_share: "tooLarge",
      mention_response_hours: "notNumber", followers: "notWhole", consultant: "badEmail", notes: "tooLong",
    });
    const more = { ...v, date: "2026-04-01", accounts_since: "", posts_last_30d: "20000", rhythm: "weekly", automated_share: "-5", mention_response_hours: "", followers: "", consultant: "", notes: "" };
    const r2 = parseCheckInValues(more, new Date("2026-04-01T12:00:00Z"));
    if (r2.ok) throw new Error("expected errors");
    expect(formErrorKinds(more, r2.errors)).toEqual({ posts_last_30d: "tooLarge", rhythm: "badChoice", automated_share: "negative" });
  });
});

describe("automation as a percentage", () => {
  it("converts between the form's percent and the format's fraction without float noise", () => {
    expect([0.07, 0.7, 0, 1, 0.3333].map(fractionToPercent)).toEqual(["7", "70", "0", "100", "33.33"]);
    expect(["7", " 12.5 ", "0", "100", "3%", ""].map(percentToFraction)).toEqual(["0.07", "0.125", "0", "1", "3%", ""]);
  });

  it("the form's 3 (%) is stored as 0.03, and 100 is the most", () => {
    const base = prefillFrom(PREVIOUS, "2026-04-01");
    const r = parseCheckInValues({ ...base, automated_share: "3" }, new Date("2026-04-01T12:00:00Z"));
    expect(r.ok && r.fields.automatedShare).toBe(0.03);
    const all = parseCheckInValues({ ...base, automated_share: "100" }, new Date("2026-04-01T12:00:00Z"));
    expect(all.ok && all.fields.automatedShare).toBe(1);
    expect(parseCheckInValues({ ...base, automated_share: "101" }, new Date("2026-04-01T12:00:00Z")).ok).toBe(false);
  });

  it("form data carries the percent as typed", () => {
    const fd = new FormData();
    fd.set("automated_share", "25");
    expect(valuesFromFormData(fd).automated_share).toBe("25");
  });
});

describe("override input", () => {
  it("requires a reason and a stage 1-6", () => {
    expect(overrideInputSchema.safeParse({ stage: "4", reason: "  ", internal: false, effectiveDate: "2026-01-01" }).success).toBe(false);
    expect(overrideInputSchema.safeParse({ stage: "7", reason: "why", internal: false, effectiveDate: "2026-01-01" }).success).toBe(false);
    expect(overrideInputSchema.safeParse({ stage: "4", reason: "x".repeat(2001), internal: false, effectiveDate: "2026-01-01" }).success).toBe(false);
    const ok = overrideInputSchema.safeParse({ stage: "4", reason: " Scheduled since March ", internal: true, effectiveDate: "2026-01-01" });
    expect(ok.success && ok.data).toEqual({ stage: 4, reason: "Scheduled since March", internal: true, effectiveDate: "2026-01-01" });
  });
});
