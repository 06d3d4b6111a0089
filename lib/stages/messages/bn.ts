// বাংলা catalogue. Sentences have no subject and use the polite verb form (করেন, দেন), which
// reads the same whether the consultant or the client is reading; the client's own voice
// (you-bn.ts) changes only where Bengali needs an explicit আপনি. Numbers come from Intl, so
// they show in Bengali digits.
import type { Stage } from "../types";
import type { Attitude, Tool } from "../vocabulary";
import type { AttitudeDirection, AutomationLevel, StageMessages } from "./types";
import { memoInt, memoKey } from "./memo";

const numberFormat = new Intl.NumberFormat("bn");
const listFormat = new Intl.ListFormat("bn", { type: "conjunction" });
/** A number in Bengali digits: 32 → ৩২. */
export const bnNumber = (n: number): string => numberFormat.format(n);

/** Stage names: the essay's own headings (shared/STAGES.md), smoothed into natural Bengali. */
export const BN_STAGE_LABELS: Record<Stage, string> = {
  1: "আমার সোশ্যাল মিডিয়ার দরকার নেই",
  2: "ঠিক আছে, হয়তো একবার চেষ্টা করব",
  3: "এটা কাজ করছে না",
  4: "সবকিছু এখন আরামদায়ক লাগছে",
  5: "ওএমজি, টুলস!",
  6: "সোশ্যাল মিডিয়ার প্রচারক",
};

export const BN_STAGE_SUMMARIES: Record<Stage, string> = {
  1: "সোশ্যাল মিডিয়াকে শুধু হইচই মনে করেন; ব্যবসার কোনো অ্যাকাউন্ট নেই, বা থাকলেও পড়ে থাকে।",
  2: "অ্যাকাউন্ট খুলেছেন, মাঝে মাঝে পোস্ট করেন, আর আশা করেন সবকিছু নিজে থেকেই কাজ করবে।",
  3: "কয়েক মাস ধরে অ্যাকাউন্ট আছে কিন্তু ফল নেই; এখনো পরীক্ষা-নিরীক্ষা চলছে, আর হতাশা বাড়ছে।",
  4: "সোশ্যাল মিডিয়ার জন্য সময় রাখেন, নিয়মিত পোস্ট করেন, মানুষের সঙ্গে কথা বলেন এবং ফল দেখছেন।",
  5: "রুটিন বজায় রেখে ফল মাপতে, মেনশন খেয়াল রাখতে আর দ্রুত উত্তর দিতে টুল ব্যবহার শুরু করেছেন।",
  6: "সোশ্যাল মিডিয়াকে কাজে লাগিয়েছেন এবং টুল ও উদাহরণসহ অন্য ব্যবসায়ীদেরও তা করতে বলেন।",
};

/** How long ago, in words: "৩ সপ্তাহ আগে", "৫ মাস আগে", "২ বছর আগে"; null under a week. */
export function bnAgo(days: number): string | null {
  if (days < 7) return null;
  if (days < 30) {
    const w = Math.floor(days / 7);
    return w === 1 ? "এক সপ্তাহ আগে" : `${bnNumber(w)} সপ্তাহ আগে`;
  }
  const months = Math.floor(days / 30.4375);
  if (months < 24) return months <= 1 ? "এক মাস আগে" : `${bnNumber(months)} মাস আগে`;
  return `${bnNumber(Math.floor(days / 365.25))} বছর আগে`;
}

export const BN_TOOL_NAMES: Record<Tool, string> = {
  scheduling: "শিডিউলিং",
  analytics: "অ্যানালিটিক্স",
  monitoring: "মনিটরিং",
  influence: "প্রভাব মাপার",
  crm: "সিআরএম",
};

const toolsCache = new WeakMap<readonly Tool[], string>();
export function bnInsightTools(tools: readonly Tool[], render: (list: string) => string): string {
  let s = toolsCache.get(tools);
  if (s === undefined) {
    s = render(listFormat.format(tools.map((t) => BN_TOOL_NAMES[t])));
    toolsCache.set(tools, s);
  }
  return s;
}

const automationSuffix = ["", ", যার কিছু স্বয়ংক্রিয়ভাবে যায়", ", যার বেশির ভাগই স্বয়ংক্রিয়ভাবে যায়", ", যার সবই স্বয়ংক্রিয়ভাবে যায়"] as const;
/** "মাসে প্রায় ৩২ বার পোস্ট করেন, যার কিছু স্বয়ংক্রিয়ভাবে যায়", with an optional subject in front. */
export function bnPosts(subject: string): (n: number, level: AutomationLevel) => string {
  const byLevel = automationSuffix.map((suffix, level) =>
    memoInt((n) => {
      if (n === 1) return `${subject}মাসে প্রায় একবার পোস্ট করেন` + (level >= 2 ? ", তা-ও স্বয়ংক্রিয়ভাবে" : "");
      return `${subject}মাসে প্রায় ${bnNumber(n)} বার পোস্ট করেন${suffix}`;
    }, 512),
  );
  return (n, level) => byLevel[level]!(n);
}

export function bnFastResponse(subject: string): (hours: number) => string {
  const render = memoInt(
    (h) =>
      h < 1
        ? `${subject}এক ঘণ্টার মধ্যেই মেনশনের উত্তর দেন`
        : h === 1
          ? `${subject}প্রায় এক ঘণ্টার মধ্যে মেনশনের উত্তর দেন`
          : `${subject}প্রায় ${bnNumber(h)} ঘণ্টার মধ্যে মেনশনের উত্তর দেন`,
    1000,
  );
  return (h) => render(Math.round(h));
}

/** `ধাপ ৩ (“এটা কাজ করছে না”)` */
export const bnStageName = (s: Stage): string => `ধাপ ${bnNumber(s)} (“${BN_STAGE_LABELS[s]}”)`;

/** How the owner comes across, as the consultant recorded it. */
const ATTITUDE_WORDS: Record<Attitude, string> = {
  dismissive: "সোশ্যাল মিডিয়াকে পাত্তা দেন না",
  hesitant: "এখনো দ্বিধায় আছেন",
  hopeful: "ভালো কিছুর আশায় আছেন",
  frustrated: "ফল না পেয়ে হতাশ",
  comfortable: "এখন বেশ স্বচ্ছন্দ",
  enthusiastic: "বেশ উৎসাহী",
  evangelist: "সবাইকে সোশ্যাল মিডিয়ার কথা বলে বেড়ান",
};

const attitude = memoKey<Attitude, AttitudeDirection>((a, direction) => {
  const base = `দেখে মনে হয় ${ATTITUDE_WORDS[a]}`;
  if (direction === 0) return base;
  return direction > 0 ? `${base}, তবে কাজকর্ম দেখে আরও আগের ধাপ মনে হয়` : `${base}, তবে কাজকর্ম দেখে আরও পরের ধাপ মনে হয়`;
});

const held = memoKey<Stage, Stage>(
  (_stage, looksLike) => `শুধু এই চেক-ইনটি দেখলে ${bnStageName(looksLike)} মনে হয়; একটি চেক-ইনে ধাপ বদলায় না`,
);
const BN_ORDINAL: Record<number, string> = { 2: "দ্বিতীয়", 3: "তৃতীয়", 4: "চতুর্থ", 5: "পঞ্চম" };
const droppedIn = memoKey<Stage, number>((from, inRow) =>
  inRow <= 1
    ? `এই চেক-ইনে ধাপ ${bnNumber(from)}-এর নিচে (“${BN_STAGE_LABELS[from]}”)`
    : `টানা ${BN_ORDINAL[inRow] ?? `${bnNumber(inRow)}তম`} চেক-ইনেও ধাপ ${bnNumber(from)}-এর নিচে (“${BN_STAGE_LABELS[from]}”)`,
);

const accounts = memoInt((n) => `${bnNumber(n)}টি প্ল্যাটফর্মে অ্যাকাউন্ট আছে`, 64);
const accountsOpened = memoInt((d) => {
  const ago = bnAgo(d);
  return ago ? `অ্যাকাউন্ট খোলা হয়েছে ${ago}` : "এই সপ্তাহেই অ্যাকাউন্ট খোলা হয়েছে";
}, 20000);
const accountsSeen = memoInt((d) => {
  const ago = bnAgo(d);
  return ago ? `অ্যাকাউন্টের কথা প্রথম লেখা হয়েছে ${ago}` : "এই চেক-ইনেই প্রথম অ্যাকাউন্টের কথা লেখা হলো";
}, 20000);

export const bn: StageMessages = {
  labels: BN_STAGE_LABELS,
  summaries: BN_STAGE_SUMMARIES,
  reasons: {
    noAccounts: "কোনো অ্যাকাউন্ট নেই",
    accounts,
    accountsAge: (days, known) => (known ? accountsOpened(days) : accountsSeen(days)),
    noPosts: `গত ${bnNumber(30)} দিনে কোনো পোস্ট নেই`,
    posts: bnPosts(""),
    noSchedule: "সময় পেলে বা মনে পড়লে পোস্ট করেন, কোনো নির্দিষ্ট সময়সূচি নেই",
    scheduled: "সোশ্যাল মিডিয়ার জন্য নির্দিষ্ট সময় রাখেন",
    repliesNone: "কমেন্ট বা মেসেজের উত্তর দেন না",
    repliesSome: "কিছু কমেন্ট ও মেসেজের উত্তর দেন",
    repliesConsistent: "নিয়মিত কমেন্ট ও মেসেজের উত্তর দেন",
    resultsNone: "সোশ্যাল মিডিয়া থেকে এখনো কোনো ফল আসেনি",
    resultsSome: "সোশ্যাল মিডিয়া থেকে কিছু ফল আসছে",
    resultsClear: "সোশ্যাল মিডিয়া থেকে স্পষ্ট ফল আসছে",
    insightTools: (tools) => bnInsightTools(tools, (list) => `${list} টুল ব্যবহার করেন`),
    fastResponse: bnFastResponse(""),
    advocacySome: "মাঝে মাঝে অন্য ব্যবসায়ীদের সোশ্যাল মিডিয়া ব্যবহারের পরামর্শ দেন",
    advocacyActive: "টুল আর উদাহরণ দিয়ে অন্য ব্যবসাকে সক্রিয়ভাবে সোশ্যাল মিডিয়ার পরামর্শ দেন",
    attitude,
    automationDropped: "আগের চেক-ইনের চেয়ে এখন কম পোস্ট স্বয়ংক্রিয়ভাবে যায়",
    scheduleAppeared: "সোশ্যাল মিডিয়ার জন্য নির্দিষ্ট সময় রাখা শুরু করেছেন",
    held,
    dropped: (from, inRow = 2) => droppedIn(from, inRow),
  },
  missing: {
    account: "অন্তত একটি প্ল্যাটফর্মে ব্যবসার অ্যাকাউন্ট খুলুন",
    startPosting: "অ্যাকাউন্টে পোস্ট করুন, মাসে দু-একবার হলেও",
    schedule: "সোশ্যাল মিডিয়ার জন্য নির্দিষ্ট সময় রাখুন",
    postWeekly: "সপ্তাহে অন্তত একবার পোস্ট করুন",
    lessAutomation: "স্বয়ংক্রিয় পোস্টের বদলে বেশির ভাগ পোস্ট নিজে লিখুন",
    replyConsistently: "নিয়মিত কমেন্ট ও মেসেজের উত্তর দিন",
    results: "প্রথম ফল: ওয়েবসাইটে ভিজিট, পেজের ফলোয়ার বাড়া, বা সোশ্যাল মিডিয়া দেখে আসা ক্রেতা",
    insightTool: "ফল মাপার বা মানুষের কথা শোনার একটি টুল: অ্যানালিটিক্স, মনিটরিং বা প্রভাব মাপার টুল",
    clearResultsOrFastResponse: "স্পষ্ট ফল, অথবা এক দিনের মধ্যে মেনশনের উত্তর",
    sustain: "পরের চেক-ইন পর্যন্ত এই রুটিন ধরে রাখুন",
    advocacy: "অন্য ব্যবসাকে সক্রিয়ভাবে সোশ্যাল মিডিয়ার পরামর্শ দিন: টুল, সফল উদাহরণ আর রেফারেল শেয়ার করুন",
  },
};
