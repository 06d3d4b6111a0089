// The stage engine as a table of hand-written cases (DESIGN.md rule 4).
import { describe, expect, it } from "vitest";
import { inferStages, type StageEntry, type StageInput } from "./index";
import { dayNumber, isoFromDay } from "./dates";

const D0 = dayNumber("2025-01-01");
/** Date `days` after 2025-01-01. */
const d = (days: number) => isoFromDay(D0 + days);

const NOTHING: StageInput = {
  date: d(0), accounts: [], accountsSince: null, postsLast30d: 0, rhythm: "none", automatedShare: 0, replies: "none",
  promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "dismissive", followers: null,
};
const TRIAL: Partial<StageInput> = {
  accounts: ["facebook", "x", "blog"], postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7, replies: "none", attitude: "hopeful",
};
const FRUSTRATED: Partial<StageInput> = { ...TRIAL, replies: "some", attitude: "frustrated" };
const ROUTINE: Partial<StageInput> = {
  accounts: ["facebook", "instagram"], postsLast30d: 10, rhythm: "scheduled", automatedShare: 0.1, replies: "consistent",
  results: "some", promotion: "light", attitude: "comfortable",
};
const TOOLS: Partial<StageInput> = { ...ROUTINE, tools: ["scheduling", "analytics", "monitoring"], results: "clear", mentionResponseHours: 3, attitude: "enthusiastic" };
const EVANGELIST: Partial<StageInput> = { ...TOOLS, advocacy: "active", attitude: "evangelist" };
const DORMANT: Partial<StageInput> = { accounts: ["facebook"], postsLast30d: 0, rhythm: "none", replies: "none", results: "none" };

/** A check-in on day `day` (after 2025-01-01) with the given observations. */
const at = (day: number, ...parts: Partial<StageInput>[]): StageInput => Object.assign({}, NOTHING, ...parts, { date: d(day) });
/** Monthly check-ins from day 0 with these observation sets. */
const monthly = (...sets: Partial<StageInput>[][]): StageInput[] => sets.map((p, i) => at(i * 30, ...p));
/** Old accounts (a year before 2025-01-01). */
const OLD: Partial<StageInput> = { accountsSince: "2024-01-01" };

interface Case {
  name: string;
  history: StageInput[];
  /** Expected stages, oldest first, e.g. "1234". */
  stages: string;
  check?: (entries: StageEntry[]) => void;
}

const last = (e: StageEntry[]) => e[e.length - 1]!;

const cases: Case[] = [
  // ---- single check-ins: each stage ------------------------------------------------------------
  {
    name: "no accounts, dismissive: stage 1",
    history: [at(0)],
    stages: "1",
    check: (e) => {
      expect(e[0]!.reasons).toEqual(["no accounts", "no posts in the last 30 days", "comes across as dismissive"]);
      expect(e[0]!.missing).toEqual(["an account on at least one platform"]);
      expect(e[0]!.confidence).toBe(1);
    },
  },
  { name: "no accounts, no attitude recorded: stage 1", history: [at(0, { attitude: null })], stages: "1" },
  {
    name: "no accounts but says comfortable: still 1 (behaviour outweighs attitude)",
    history: [at(0, { attitude: "comfortable" })],
    stages: "1",
    check: (e) => {
      expect(e[0]!.reasons).toContain("comes across as comfortable, but what the business does points to an earlier stage");
      expect(e[0]!.confidence).toBeLessThan(0.9);
    },
  },
  {
    name: "new accounts, sporadic and automated: stage 2",
    history: [at(0, TRIAL)],
    stages: "2",
    check: (e) => {
      expect(e[0]!.reasons).toContain("posts about 3 times a month, most of them automatic");
      expect(e[0]!.reasons).toContain("accounts first recorded at this check-in");
      expect(e[0]!.missing).toContain("set aside scheduled time for social media");
      expect(e[0]!.missing).toContain("answer comments and messages consistently");
    },
  },
  {
    name: "accounts opened a month ago (accounts_since): stage 2",
    history: [at(45, TRIAL, { accountsSince: d(0) })],
    stages: "2",
    check: (e) => expect(e[0]!.reasons).toContain("accounts opened a month ago"),
  },
  {
    name: "accounts opened 5 months ago, still sporadic: stage 3",
    history: [at(160, FRUSTRATED, { accountsSince: d(0) })],
    stages: "3",
    check: (e) => {
      expect(e[0]!.reasons).toContain("accounts opened 5 months ago");
      expect(e[0]!.reasons).toContain("comes across as frustrated");
    },
  },
  {
    name: "scheduled routine: stage 4",
    history: [at(0, ROUTINE)],
    stages: "4",
    check: (e) => {
      expect(e[0]!.reasons).toContain("sets aside scheduled time for social media");
      expect(e[0]!.missing).toEqual(["a tool to measure or listen: analytics, monitoring or influence", "clear results, or answers to mentions within a day"]);
    },
  },
  {
    name: "routine plus insight tools and fast answers: stage 5",
    history: [at(0, TOOLS)],
    stages: "5",
    check: (e) => {
      expect(e[0]!.reasons).toContain("uses analytics and monitoring tools");
      expect(e[0]!.reasons).toContain("answers mentions within about 3 hours");
      expect(e[0]!.missing).toEqual(["recommend social media actively to other businesses: share tools, case studies, referrals"]);
    },
  },
  {
    name: "stage-5 behaviour plus active advocacy: stage 6",
    history: [at(0, EVANGELIST)],
    stages: "6",
    check: (e) => {
      expect(e[0]!.missing).toEqual([]);
      expect(e[0]!.reasons).toContain("actively recommends social media to other businesses, with tools and examples");
    },
  },
  { name: "brand-new dormant accounts, hopeful: stage 2 (trial not started)", history: [at(0, DORMANT, { attitude: "hopeful" })], stages: "2" },
  {
    name: "old dormant accounts, dismissive: stage 1",
    history: [at(0, DORMANT, OLD)],
    stages: "1",
    check: (e) => expect(e[0]!.missing).toEqual(["post on the accounts, even a couple of times a month"]),
  },
  { name: "old dormant accounts, attitude unknown: stage 1", history: [at(0, DORMANT, OLD, { attitude: null })], stages: "1" },
  { name: "old dormant accounts, still frustrated: stage 3", history: [at(0, DORMANT, OLD, { attitude: "frustrated" })], stages: "3" },

  // ---- attitude against behaviour ---------------------------------------------------------------
  {
    name: "says comfortable but posts twice a month, all automated: not stage 4",
    history: [at(0, TRIAL, { postsLast30d: 2, automatedShare: 1, attitude: "comfortable" })],
    stages: "2",
    check: (e) => {
      expect(e[0]!.reasons).toContain("posts about 2 times a month, all of them automatic");
      expect(e[0]!.reasons).toContain("comes across as comfortable, but what the business does points to an earlier stage");
    },
  },
  {
    name: "same with old accounts: stage 3",
    history: [at(0, TRIAL, OLD, { postsLast30d: 2, automatedShare: 1, attitude: "comfortable" })],
    stages: "3",
  },
  {
    name: "dismissive attitude with stage-4 behaviour: still 4, lower confidence",
    history: [at(0, ROUTINE, { attitude: "dismissive" })],
    stages: "4",
    check: (e) => {
      expect(e[0]!.reasons).toContain("comes across as dismissive, but what the business does points to a later stage");
      const agreeing = inferStages([at(0, ROUTINE)])[0]!;
      expect(e[0]!.confidence).toBeLessThan(agreeing.confidence);
    },
  },
  {
    name: "evangelist attitude with trial behaviour: stage 2",
    history: [at(0, TRIAL, { attitude: "evangelist", advocacy: "active" })],
    stages: "2",
    check: (e) => expect(e[0]!.confidence).toBeLessThan(inferStages([at(0, TRIAL)])[0]!.confidence),
  },

  // ---- the ladder -------------------------------------------------------------------------------
  {
    name: "tools without the routine: not stage 5",
    history: [at(0, FRUSTRATED, OLD, { tools: ["analytics", "monitoring"], results: "clear", mentionResponseHours: 2 })],
    stages: "3",
  },
  {
    name: "routine and analytics, but neither clear results nor fast answers: 4",
    history: [at(0, ROUTINE, { tools: ["analytics"], results: "some", mentionResponseHours: 72 })],
    stages: "4",
    check: (e) => {
      expect(e[0]!.missing).toEqual(["clear results, or answers to mentions within a day"]);
    },
  },
  { name: "routine, analytics and fast answers (results only some): 5", history: [at(0, ROUTINE, { tools: ["analytics"], mentionResponseHours: 12 })], stages: "5" },
  {
    name: "scheduling and CRM tools are not insight tools: 4",
    history: [at(0, ROUTINE, { tools: ["scheduling", "crm"], results: "clear" })],
    stages: "4",
  },
  {
    name: "advocacy without tools: 4",
    history: [at(0, ROUTINE, { advocacy: "active", attitude: "evangelist" })],
    stages: "4",
    check: (e) => expect(e[0]!.missing).toContain("a tool to measure or listen: analytics, monitoring or influence"),
  },
  { name: "advocacy without the routine: 3", history: [at(0, FRUSTRATED, OLD, { advocacy: "active" })], stages: "3" },
  {
    name: "tools and results but advocacy only 'some': 5",
    history: [at(0, TOOLS, { advocacy: "some" })],
    stages: "5",
  },

  // ---- what the routine needs ---------------------------------------------------------------------
  { name: "scheduled but never answers anyone: not a routine", history: [at(0, ROUTINE, OLD, { replies: "none" })], stages: "3" },
  {
    name: "scheduled but only 3 posts a month: not a routine",
    history: [at(0, ROUTINE, OLD, { postsLast30d: 3 })],
    stages: "3",
    check: (e) => expect(e[0]!.missing).toEqual(["post at least once a week"]),
  },
  {
    name: "scheduled, all automatic, some answers, some results: not a routine",
    history: [at(0, ROUTINE, OLD, { automatedShare: 1, replies: "some" })],
    stages: "3",
  },
  { name: "scheduled, all automatic, consistent answers, some results: routine", history: [at(0, ROUTINE, OLD, { automatedShare: 1 })], stages: "4" },

  // ---- histories: forward transitions ---------------------------------------------------------------
  {
    name: "the whole ladder, one step per check-in",
    history: [at(0), at(30, TRIAL), at(130, FRUSTRATED), at(160, ROUTINE), at(190, TOOLS), at(220, EVANGELIST)],
    stages: "123456",
  },
  {
    name: "2 becomes 3 by time alone (first check-in listing accounts)",
    history: [at(0), at(30, TRIAL), at(60, TRIAL), at(90, TRIAL), at(119, TRIAL), at(120, TRIAL)],
    stages: "122223",
    check: (e) => expect(e[5]!.reasons).toContain("accounts first recorded 2 months ago"),
  },
  {
    name: "2-vs-3 boundary with accounts_since: 89 days is 2, 90 days is 3",
    history: [at(89, TRIAL, { accountsSince: d(0) }), at(90, TRIAL, { accountsSince: d(0) })],
    stages: "23",
  },
  {
    name: "2-vs-3 boundary counted from the first check-in listing an account",
    history: [at(0, { attitude: null }), at(10, TRIAL), at(99, TRIAL), at(100, TRIAL)],
    stages: "1223",
  },
  {
    name: "accounts_since given later (years-old accounts) takes over: 3",
    history: [at(0, TRIAL), at(30, TRIAL, { accountsSince: "2020-05-01" })],
    stages: "23",
    check: (e) => expect(e[1]!.reasons).toContain("accounts opened 4 years ago"),
  },
  { name: "accounts_since after the check-in date counts as new: 2", history: [at(0, TRIAL, { accountsSince: d(20) })], stages: "2" },
  {
    name: "a stage-3 client finding the way out: schedule appears, automation drops",
    history: [at(0, FRUSTRATED, OLD), at(30, FRUSTRATED, OLD, { rhythm: "scheduled", automatedShare: 0.3, postsLast30d: 3 })],
    stages: "33",
    check: (e) => {
      expect(e[1]!.reasons).toContain("has started setting aside scheduled time for social media");
      expect(e[1]!.reasons).toContain("less of the posting is automatic than at the last check-in");
      expect(e[1]!.missing).toContain("post at least once a week");
    },
  },
  { name: "a forward move takes effect at once", history: [at(0, FRUSTRATED, OLD), at(30, ROUTINE, OLD)], stages: "34" },
  {
    name: "stage-6 behaviour straight after stage 3 waits one check-in for the routine to hold",
    history: [at(0, FRUSTRATED, OLD), at(30, EVANGELIST, OLD), at(60, EVANGELIST, OLD)],
    stages: "346",
    check: (e) => expect(e[1]!.missing).toEqual(["keep the routine going until the next check-in"]),
  },

  // ---- regressions ------------------------------------------------------------------------------
  {
    name: "one silent month inside a steady stage-4 run: stage holds",
    history: monthly([ROUTINE, OLD], [ROUTINE, OLD], [DORMANT, OLD, { attitude: null }], [ROUTINE, OLD], [ROUTINE, OLD]),
    stages: "44444",
    check: (e) => {
      expect(e[2]!.reasons[0]).toBe(
        'this check-in alone looks like stage 1 ("I don\'t need social media"); one check-in is not enough to change the stage',
      );
      expect(e[2]!.confidence).toBeLessThan(e[1]!.confidence);
      expect(e[2]!.missing).toContain("post at least once a week");
    },
  },
  {
    name: "odd months that never come two in a row: stage holds",
    history: monthly([ROUTINE], [TRIAL], [ROUTINE], [TRIAL], [ROUTINE]),
    stages: "44444",
  },
  { name: "one odd month in a stage-5 run: stage holds", history: monthly([TOOLS], [TOOLS], [TRIAL], [TOOLS], [TOOLS]), stages: "55555" },
  { name: "one month without advocacy at stage 6: holds", history: monthly([EVANGELIST], [EVANGELIST], [TOOLS], [EVANGELIST]), stages: "6666" },
  {
    name: "a real regression: two check-ins below stage 4",
    history: monthly([ROUTINE, OLD], [ROUTINE, OLD], [FRUSTRATED, OLD], [FRUSTRATED, OLD], [FRUSTRATED, OLD]),
    stages: "44433",
    check: (e) => {
      expect(e[3]!.reasons[0]).toBe('second check-in in a row below stage 4 ("Things feel comfortable")');
      expect(e[3]!.missing).toContain("set aside scheduled time for social media");
    },
  },
  {
    name: "a drop goes to the higher of the two check-ins below",
    history: monthly([ROUTINE, OLD], [DORMANT, OLD, { attitude: null }], [FRUSTRATED, OLD], [FRUSTRATED, OLD]),
    stages: "4433",
  },
  {
    name: "a client who gives up and goes back to dismissive falls back to 1",
    history: [at(0), at(30, TRIAL), at(130, FRUSTRATED), at(160, FRUSTRATED), at(190, DORMANT), at(220, DORMANT), at(250, DORMANT)],
    stages: "1233311",
    check: (e) => {
      expect(e[4]!.reasons[0]).toContain("one check-in is not enough");
      expect(e[5]!.reasons).toContain("comes across as dismissive");
      expect(e[5]!.missing).toEqual(["post on the accounts, even a couple of times a month"]);
    },
  },
  {
    name: "gives up and closes the accounts: back to 1",
    history: [at(0, FRUSTRATED, OLD), at(30, FRUSTRATED, OLD), at(60), at(90)],
    stages: "3331",
    check: (e) => expect(last(e).reasons).toEqual(["second check-in in a row below stage 3 (\"It's not working\")", "no accounts", "no posts in the last 30 days", "comes across as dismissive"]),
  },
  {
    name: "recovering right after a drop",
    history: monthly([ROUTINE, OLD], [FRUSTRATED, OLD], [FRUSTRATED, OLD], [ROUTINE, OLD]),
    stages: "4434",
  },

  // ---- ordering -----------------------------------------------------------------------------------
  {
    name: "out-of-order input is read by date; index points back into the input",
    history: [at(160, ROUTINE), at(0), at(30, TRIAL), at(130, FRUSTRATED)],
    stages: "1234",
    check: (e) => {
      expect(e.map((x) => x.index)).toEqual([1, 2, 3, 0]);
      expect(e.map((x) => x.date)).toEqual([d(0), d(30), d(130), d(160)]);
    },
  },
  {
    name: "same-date check-ins: the result does not depend on which comes first",
    history: [at(0, ROUTINE), at(30, ROUTINE), at(30, DORMANT, { attitude: null }), at(60, ROUTINE)],
    stages: "4444",
    check: (e) => {
      const swapped = inferStages([at(0, ROUTINE), at(30, DORMANT, { attitude: null }), at(30, ROUTINE), at(60, ROUTINE)]);
      expect(swapped.map(({ index: _i, ...rest }) => rest)).toEqual(e.map(({ index: _i, ...rest }) => rest));
    },
  },
  { name: "no check-ins: no entries", history: [], stages: "" },
];

describe("stage cases", () => {
  it("has at least 40 cases", () => expect(cases.length).toBeGreaterThanOrEqual(40));
  for (const c of cases) {
    it(c.name, () => {
      const entries = inferStages(c.history);
      expect(entries.map((e) => e.stage).join("")).toBe(c.stages);
      for (const e of entries) {
        expect(e.reasons.length).toBeGreaterThan(0);
        expect(e.missing.length === 0).toBe(e.stage === 6);
        expect(e.confidence).toBeGreaterThanOrEqual(0);
        expect(e.confidence).toBeLessThanOrEqual(1);
      }
      c.check?.(entries);
    });
  }
});
