// The client's own voice, in Bengali. The consultant's Bengali (bn.ts) already uses the polite
// verb form that আপনি takes; this catalogue says আপনি / আপনার where a sentence needs a subject,
// and speaks about the client's feelings and stage directly.
import type { Stage } from "../types";
import type { Attitude } from "../vocabulary";
import type { AttitudeDirection, StageMessages } from "./types";
import { BN_STAGE_LABELS, bn, bnAgo, bnFastResponse, bnInsightTools, bnNumber, bnPosts } from "./bn";
import { memoInt, memoKey } from "./memo";

export const BN_YOU_STAGE_SUMMARIES: Record<Stage, string> = {
  1: "আপনার কাছে সোশ্যাল মিডিয়া শুধু হইচই; ব্যবসার কোনো অ্যাকাউন্ট নেই, বা থাকলেও পড়ে থাকে।",
  2: "আপনি অ্যাকাউন্ট খুলেছেন, মাঝে মাঝে পোস্ট করেন, আর আশা করছেন সবকিছু নিজে থেকেই কাজ করবে।",
  3: "কয়েক মাস ধরে আপনার অ্যাকাউন্ট আছে কিন্তু ফল নেই; এখনো পরীক্ষা-নিরীক্ষা চলছে, আর হতাশ লাগছে।",
  4: "আপনি সোশ্যাল মিডিয়ার জন্য সময় রাখেন, নিয়মিত পোস্ট করেন, মানুষের সঙ্গে কথা বলেন এবং ফল পাচ্ছেন।",
  5: "আপনি রুটিন ধরে রেখেছেন, আর ফল মাপতে, মেনশন খেয়াল রাখতে ও দ্রুত উত্তর দিতে টুল ব্যবহার করছেন।",
  6: "সোশ্যাল মিডিয়াকে আপনি কাজে লাগিয়েছেন, আর টুল ও উদাহরণ দিয়ে অন্য ব্যবসায়ীদেরও তা করতে বলেন।",
};

const FEELING: Record<Attitude, string> = {
  dismissive: "সোশ্যাল মিডিয়া নিয়ে আপনার তেমন আগ্রহ নেই",
  hesitant: "সোশ্যাল মিডিয়া নিয়ে আপনি এখনো দ্বিধায় আছেন",
  hopeful: "আপনি আশা করছেন এতে ভালো ফল আসবে",
  frustrated: "এখনো কাজ হচ্ছে না বলে আপনি হতাশ",
  comfortable: "এখন আপনি বেশ স্বচ্ছন্দ",
  enthusiastic: "আপনি বেশ উৎসাহী",
  evangelist: "পরিচিত সবাইকে আপনি সোশ্যাল মিডিয়ার কথা বলেন",
};
const attitude = memoKey<Attitude, AttitudeDirection>((a, direction) =>
  direction === 0
    ? FEELING[a]
    : direction > 0
      ? `${FEELING[a]}; তবে রোজকার কাজ এখনো ততটা এগোয়নি`
      : `${FEELING[a]}; আসলে আপনি যতটা ভাবছেন, তার চেয়ে এগিয়ে আছেন`,
);

const name = (s: Stage) => `ধাপ ${bnNumber(s)} (“${BN_STAGE_LABELS[s]}”)`;
const held = memoKey<Stage, Stage>((_s, looksLike) => `শুধু এই চেক-ইনটি দেখলে ${name(looksLike)} মনে হয়, তবে একটি চেক-ইনে আপনার ধাপ বদলায় না`);
const BN_IN_ROW: Record<number, string> = { 2: "দুটি", 3: "তিনটি", 4: "চারটি", 5: "পাঁচটি" };
const droppedIn = memoKey<Stage, number>((from, inRow) =>
  inRow <= 1
    ? `এই চেক-ইনে আপনি ধাপ ${bnNumber(from)}-এর নিচে ছিলেন (“${BN_STAGE_LABELS[from]}”)`
    : `পরপর ${BN_IN_ROW[inRow] ?? `${bnNumber(inRow)}টি`} চেক-ইনে আপনি ধাপ ${bnNumber(from)}-এর নিচে ছিলেন (“${BN_STAGE_LABELS[from]}”)`,
);

const accountsOpened = memoInt((d) => {
  const ago = bnAgo(d);
  return ago ? `আপনি অ্যাকাউন্ট খুলেছেন ${ago}` : "এই সপ্তাহেই আপনি অ্যাকাউন্ট খুলেছেন";
}, 20000);
const accountsSeen = memoInt((d) => {
  const ago = bnAgo(d);
  return ago ? `আপনার অ্যাকাউন্টের কথা প্রথম লেখা হয়েছে ${ago}` : "এই চেক-ইনেই প্রথম আপনার অ্যাকাউন্টের কথা লেখা হলো";
}, 20000);

export const bnYou: StageMessages = {
  labels: BN_STAGE_LABELS,
  summaries: BN_YOU_STAGE_SUMMARIES,
  reasons: {
    ...bn.reasons,
    noAccounts: "আপনার ব্যবসার এখনো কোনো অ্যাকাউন্ট নেই",
    accounts: memoInt((n) => `${bnNumber(n)}টি প্ল্যাটফর্মে আপনার অ্যাকাউন্ট আছে`, 64),
    accountsAge: (days, known) => (known ? accountsOpened(days) : accountsSeen(days)),
    noPosts: `গত ${bnNumber(30)} দিনে আপনি কোনো পোস্ট করেননি`,
    posts: bnPosts("আপনি "),
    noSchedule: "আপনি সময় পেলে বা মনে পড়লে পোস্ট করেন, কোনো নির্দিষ্ট সময়সূচি নেই",
    scheduled: "আপনি সোশ্যাল মিডিয়ার জন্য নির্দিষ্ট সময় রাখেন",
    repliesNone: "আপনি এখনো কমেন্ট বা মেসেজের উত্তর দেন না",
    repliesSome: "আপনি কিছু কমেন্ট ও মেসেজের উত্তর দেন",
    repliesConsistent: "আপনি নিয়মিত কমেন্ট ও মেসেজের উত্তর দেন",
    resultsNone: "সোশ্যাল মিডিয়া থেকে আপনি এখনো কোনো ফল পাননি",
    resultsSome: "সোশ্যাল মিডিয়া থেকে আপনি কিছু ফল পাচ্ছেন",
    resultsClear: "সোশ্যাল মিডিয়া থেকে আপনি স্পষ্ট ফল পাচ্ছেন",
    insightTools: (tools) => bnInsightTools(tools, (list) => `আপনি ${list} টুল ব্যবহার করেন`),
    fastResponse: bnFastResponse("আপনি "),
    advocacySome: "আপনি মাঝে মাঝে অন্য ব্যবসায়ীদের সোশ্যাল মিডিয়া ব্যবহারের পরামর্শ দেন",
    advocacyActive: "টুল আর উদাহরণ দিয়ে আপনি অন্য ব্যবসাকে সক্রিয়ভাবে সোশ্যাল মিডিয়ার পরামর্শ দেন",
    attitude,
    automationDropped: "আগের চেক-ইনের চেয়ে এখন আপনার কম পোস্ট স্বয়ংক্রিয়ভাবে যায়",
    scheduleAppeared: "আপনি সোশ্যাল মিডিয়ার জন্য নির্দিষ্ট সময় রাখা শুরু করেছেন",
    held,
    dropped: (from, inRow = 2) => droppedIn(from, inRow),
  },
  missing: {
    ...bn.missing,
    results: "প্রথম ফলের দিকে নজর রাখুন: ওয়েবসাইটে ভিজিট, পেজের ফলোয়ার বাড়া, বা সোশ্যাল মিডিয়া দেখে আসা ক্রেতা",
    insightTool: "ফল মাপার বা মানুষের কথা শোনার একটি টুল ব্যবহার করে দেখুন: অ্যানালিটিক্স, মনিটরিং বা প্রভাব মাপার টুল",
    clearResultsOrFastResponse: "স্পষ্ট ফল আনুন, অথবা এক দিনের মধ্যে মেনশনের উত্তর দিন",
    sustain: "পরের চেক-ইন পর্যন্ত আপনার রুটিন ধরে রাখুন",
  },
};
