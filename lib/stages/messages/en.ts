// English catalogue. Parameterised messages are memoised: the engine renders millions of them.
import type { Stage } from "../types";
import type { Attitude, Tool } from "../vocabulary";
import type { AttitudeDirection, AutomationLevel, StageMessages } from "./types";

export const STAGE_LABELS: Record<Stage, string> = {
  1: "I don't need social media",
  2: "Fine, maybe I'll try",
  3: "It's not working",
  4: "Things feel comfortable",
  5: "OMG, tools!",
  6: "Social media evangelist",
};

export const STAGE_SUMMARIES: Record<Stage, string> = {
  1: "Sees social media as noise and has no business accounts, or accounts that sit unused.",
  2: "Has opened accounts and posts now and then, mostly hoping it will work by itself.",
  3: "Has had accounts for months without results, is still experimenting and is getting frustrated.",
  4: "Has set time aside for social media, posts regularly, talks with people and sees results.",
  5: "Keeps the routine and adds tools to measure results, listen for mentions and answer faster.",
  6: "Has made social media work and recommends it, with tools and examples, to other business owners.",
};

function memo(render: (n: number) => string, size: number): (n: number) => string {
  const cache: (string | undefined)[] = new Array(size);
  return (n) => {
    if (n < 0 || n >= size || n !== Math.floor(n)) return render(n);
    return (cache[n] ??= render(n));
  };
}

const automationSuffix = ["", ", a few of them automatic", ", most of them automatic", ", all of them automatic"] as const;
const postsRender: ((n: number) => string)[] = automationSuffix.map((suffix, level) =>
  memo((n) => {
    if (n === 1) return "posts about once a month" + (level >= 2 ? ", automatically" : "");
    return `posts about ${n} times a month${suffix}`;
  }, 512),
);

function age(days: number, opened: string, now: string): string {
  if (days < 7) return now;
  if (days < 30) {
    const w = Math.floor(days / 7);
    return w === 1 ? `${opened} a week ago` : `${opened} ${w} weeks ago`;
  }
  const months = Math.floor(days / 30.4375);
  if (months < 24) return months <= 1 ? `${opened} a month ago` : `${opened} ${months} months ago`;
  return `${opened} ${Math.floor(days / 365.25)} years ago`;
}
const accountsOpened = memo((d) => age(d, "accounts opened", "accounts opened this week"), 20000);
const accountsSeen = memo((d) => age(d, "accounts first recorded", "accounts first recorded at this check-in"), 20000);

const accounts = memo((n) => (n === 1 ? "accounts on 1 platform" : `accounts on ${n} platforms`), 64);

const fastResponse = memo(
  (h) => (h < 1 ? "answers mentions within the hour" : h === 1 ? "answers mentions within about an hour" : `answers mentions within about ${h} hours`),
  1000,
);

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const toolsCache = new WeakMap<readonly Tool[], string>();
function insightTools(tools: readonly Tool[]): string {
  let s = toolsCache.get(tools);
  if (s === undefined) {
    s = `uses ${joinAnd(tools)} tools`;
    toolsCache.set(tools, s);
  }
  return s;
}

const attitudeCache = new Map<string, string>();
function attitude(a: Attitude, direction: AttitudeDirection): string {
  const key = a + direction;
  let s = attitudeCache.get(key);
  if (s === undefined) {
    const as = a === "evangelist" ? "an evangelist" : a;
    s =
      direction === 0
        ? `comes across as ${as}`
        : direction > 0
          ? `comes across as ${as}, but what the business does points to an earlier stage`
          : `comes across as ${as}, but what the business does points to a later stage`;
    attitudeCache.set(key, s);
  }
  return s;
}

const label = (s: Stage) => `stage ${s} ("${STAGE_LABELS[s]}")`;
const heldCache = new Map<number, string>();
const droppedCache = new Map<number, string>();
const ORDINAL: Record<number, string> = { 2: "second", 3: "third", 4: "fourth", 5: "fifth" };

export const en: StageMessages = {
  labels: STAGE_LABELS,
  summaries: STAGE_SUMMARIES,
  reasons: {
    noAccounts: "no accounts",
    accounts,
    accountsAge: (days: number, known: boolean) => (known ? accountsOpened(days) : accountsSeen(days)),
    noPosts: "no posts in the last 30 days",
    posts: (n: number, level: AutomationLevel) => postsRender[level]!(n),
    noSchedule: "posts when there is time or they remember, not on a schedule",
    scheduled: "sets aside scheduled time for social media",
    repliesNone: "does not answer comments or messages",
    repliesSome: "answers some comments and messages",
    repliesConsistent: "answers comments and messages consistently",
    resultsNone: "no results from social media yet",
    resultsSome: "some results from social media",
    resultsClear: "clear results from social media",
    insightTools,
    fastResponse: (h: number) => fastResponse(Math.round(h)),
    advocacySome: "sometimes recommends social media to other business owners",
    advocacyActive: "actively recommends social media to other businesses, with tools and examples",
    attitude,
    automationDropped: "less of the posting is automatic than at the last check-in",
    scheduleAppeared: "has started setting aside scheduled time for social media",
    held: (stage, looksLike) => {
      const key = stage * 8 + looksLike;
      let s = heldCache.get(key);
      if (s === undefined) {
        s = `this check-in alone looks like ${label(looksLike)}; one check-in is not enough to change the stage`;
        heldCache.set(key, s);
      }
      return s;
    },
    dropped: (from, inRow = 2) => {
      const key = from * 8 + inRow;
      let s = droppedCache.get(key);
      if (s === undefined) {
        s = inRow <= 1 ? `this check-in is below ${label(from)}` : `${ORDINAL[inRow] ?? `${inRow}th`} check-in in a row below ${label(from)}`;
        droppedCache.set(key, s);
      }
      return s;
    },
  },
  missing: {
    account: "an account on at least one platform",
    startPosting: "post on the accounts, even a couple of times a month",
    schedule: "set aside scheduled time for social media",
    postWeekly: "post at least once a week",
    lessAutomation: "write most posts yourself instead of posting automatically",
    replyConsistently: "answer comments and messages consistently",
    results: "first results: visits, page growth or customers who found you on social media",
    insightTool: "a tool to measure or listen: analytics, monitoring or influence",
    clearResultsOrFastResponse: "clear results, or answers to mentions within a day",
    sustain: "keep the routine going until the next check-in",
    advocacy: "recommend social media actively to other businesses: share tools, case studies, referrals",
  },
};
