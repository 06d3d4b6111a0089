// The client's own voice, in English: what the progress page says to the client about their
// business ("You post about 32 times a month"). Same message codes as the consultant's catalogue.
import type { Stage } from "../types";
import type { Attitude, Tool } from "../vocabulary";
import type { AttitudeDirection, AutomationLevel, StageMessages } from "./types";
import { STAGE_LABELS } from "./en";
import { memoInt, memoKey } from "./memo";

export const YOU_STAGE_SUMMARIES: Record<Stage, string> = {
  1: "You see social media as noise, and your business has no accounts, or accounts that sit unused.",
  2: "You have opened accounts and post now and then, hoping it will work by itself.",
  3: "You have had accounts for months without results, you're still experimenting, and it's frustrating.",
  4: "You set time aside for social media, post regularly, talk with people and see results.",
  5: "You keep your routine and use tools to measure results, listen for mentions and answer faster.",
  6: "You have made social media work, and you recommend it, with tools and examples, to other business owners.",
};

function ago(days: number): string | null {
  if (days < 7) return null;
  if (days < 30) {
    const w = Math.floor(days / 7);
    return w === 1 ? "a week ago" : `${w} weeks ago`;
  }
  const months = Math.floor(days / 30.4375);
  if (months < 24) return months <= 1 ? "a month ago" : `${months} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

const automationSuffix = ["", ", a few of them automatically", ", most of them automatically", ", all of them automatically"] as const;
const postsRender = automationSuffix.map((suffix, level) =>
  memoInt((n) => (n === 1 ? "You post about once a month" + (level >= 2 ? ", automatically" : "") : `You post about ${n} times a month${suffix}`), 512),
);

const accountsOpened = memoInt((d) => {
  const a = ago(d);
  return a ? `You opened your accounts ${a}` : "You opened your accounts this week";
}, 20000);
const accountsSeen = memoInt((d) => {
  const a = ago(d);
  return a ? `Your accounts were first noted ${a}` : "Your accounts were first noted at this check-in";
}, 20000);

const fastResponse = memoInt(
  (h) => (h < 1 ? "You answer mentions within the hour" : h === 1 ? "You answer mentions within about an hour" : `You answer mentions within about ${h} hours`),
  1000,
);

const TOOL_NAMES: Record<Tool, string> = { scheduling: "scheduling", analytics: "analytics", monitoring: "monitoring", influence: "influence", crm: "CRM" };
const listFormat = new Intl.ListFormat("en", { type: "conjunction", style: "long" });
const toolsCache = new WeakMap<readonly Tool[], string>();

const FEELING: Record<Attitude, string> = {
  dismissive: "You'd rather not bother with social media",
  hesitant: "You're still unsure about social media",
  hopeful: "You're hopeful it will pay off",
  frustrated: "You're frustrated that it isn't working yet",
  comfortable: "You feel comfortable with it",
  enthusiastic: "You're enthusiastic about it",
  evangelist: "You tell everyone you know about it",
};
const attitude = memoKey<Attitude, AttitudeDirection>((a, direction) =>
  direction === 0
    ? FEELING[a]
    : direction > 0
      ? `${FEELING[a]}; what you do day to day hasn't caught up yet`
      : `${FEELING[a]}; what you do is further along than you might think`,
);

const name = (s: Stage) => `stage ${s} (“${STAGE_LABELS[s]}”)`;
const held = memoKey<Stage, Stage>((_s, looksLike) => `This check-in on its own looks like ${name(looksLike)}, but one check-in isn't enough to change your stage`);
const IN_ROW: Record<number, string> = { 2: "Two", 3: "Three", 4: "Four", 5: "Five" };
const droppedIn = memoKey<Stage, number>((from, inRow) =>
  inRow <= 1 ? `This check-in was below ${name(from)}` : `${IN_ROW[inRow] ?? inRow} check-ins in a row were below ${name(from)}`,
);

export const enYou: StageMessages = {
  labels: STAGE_LABELS,
  summaries: YOU_STAGE_SUMMARIES,
  reasons: {
    noAccounts: "You don't have any business accounts yet",
    accounts: memoInt((n) => (n === 1 ? "You have an account on 1 platform" : `You have accounts on ${n} platforms`), 64),
    accountsAge: (days, known) => (known ? accountsOpened(days) : accountsSeen(days)),
    noPosts: "You haven't posted in the last 30 days",
    posts: (n: number, level: AutomationLevel) => postsRender[level]!(n),
    noSchedule: "You post when you have time or remember, not on a schedule",
    scheduled: "You set aside time for social media on a schedule",
    repliesNone: "You don't answer comments or messages yet",
    repliesSome: "You answer some comments and messages",
    repliesConsistent: "You answer comments and messages consistently",
    resultsNone: "Social media hasn't brought you results yet",
    resultsSome: "Social media brings you some results",
    resultsClear: "Social media brings you clear results",
    insightTools: (tools) => {
      let s = toolsCache.get(tools);
      if (s === undefined) toolsCache.set(tools, (s = `You use ${listFormat.format(tools.map((t) => TOOL_NAMES[t]))} tools`));
      return s;
    },
    fastResponse: (h) => fastResponse(Math.round(h)),
    advocacySome: "You sometimes recommend social media to other business owners",
    advocacyActive: "You actively recommend social media to other businesses, with tools and examples",
    attitude,
    automationDropped: "Less of your posting is automatic than at the last check-in",
    scheduleAppeared: "You've started setting aside time for social media",
    held,
    dropped: (from, inRow = 2) => droppedIn(from, inRow),
  },
  missing: {
    account: "Open a business account on at least one platform",
    startPosting: "Post on your accounts, even a couple of times a month",
    schedule: "Set aside time for social media on a schedule",
    postWeekly: "Post at least once a week",
    lessAutomation: "Write most posts yourself instead of posting automatically",
    replyConsistently: "Answer comments and messages consistently",
    results: "Watch for your first results: visits, a growing page, or customers who found you on social media",
    insightTool: "Try a tool that measures or listens: analytics, monitoring or influence",
    clearResultsOrFastResponse: "Get clear results, or answer mentions within a day",
    sustain: "Keep your routine going until your next check-in",
    advocacy: "Recommend social media to other businesses: share tools, case studies and referrals",
  },
};
