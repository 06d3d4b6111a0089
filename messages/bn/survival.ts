// Bengali: time in stage as survival curves (Kaplan–Meier) on /portfolio. Typed against messages/en/survival.ts.
import type en from "../en/survival";

// বাংলা: পোর্টফোলিওতে প্রতিটি ধাপে কত দিন — কাপলান–মায়ার হিসাব।
const survival: typeof en = {
  intro: "কোনো ধাপে ঢোকার পর নির্দিষ্ট দিন পেরোলেও কত ভাগ ক্লায়েন্ট সেই ধাপেই আছেন। যাঁরা এখনো এগোননি তাঁরাও হিসাবে আছেন — সময়সীমার শেষ দিন বা আর্কাইভ হওয়ার দিন পর্যন্ত — তাই লম্বা সময় আটকে থাকা বাদ পড়ে না (কাপলান–মায়ার হিসাব; ছায়া দেওয়া অংশটি ৯৫% আস্থা-সীমা)।",
  pickStage: "কোন ধাপ দেখাবেন",
  summary: "এই সময়ে {spells, plural, one {#টি অবস্থান} other {#টি অবস্থান}}: {events, number}টি শেষ হয়েছে, {censored, number}টি এখনো চলছে",
  median: "মধ্যক: {days, plural, one {# দিন} other {# দিন}}",
  medianNotReached: "মধ্যক: এখনো পৌঁছায়নি (অর্ধেকের বেশি এখনো এই ধাপে)",
  forwardShare: "ধাপ ছাড়ার {share} ক্ষেত্রে ক্লায়েন্ট সামনে এগিয়েছেন",
  noExits: "এখনো কেউ এই ধাপ ছাড়েননি",
  empty: "এই সময়ে কোনো ক্লায়েন্ট এই ধাপে ছিলেন না।",
  axisDays: "ধাপে কত দিন",
  axisShare: "এখনো এই ধাপে",
  medianMark: "মধ্যক",
  tipDay: "দিন {day, number}",
  tipStill: "{share} এখনো এই ধাপে",
  tipBand: "৯৫% সীমা: {lower} থেকে {upper}",
  tipAtRisk: "{count, plural, one {#টি অবস্থান} other {#টি অবস্থান}} হিসাবে আছে",
  atRisk: "হিসাবে থাকা সংখ্যা",
  atRiskDay: "দিন",
  atRiskNote: "যে অবস্থানগুলো অন্তত এত দিন টিকেছে (শেষ হোক বা না হোক); সেখান থেকে হিসাব এদের ওপরেই দাঁড়িয়ে।",
  table: {
    atDays: "{stage}: বাছাই করা কয়েকটি দিনে হিসাব",
    day: "দিন",
    atRisk: "হিসাবে আছে",
    still: "এখনো এই ধাপে",
    band: "৯৫% সীমা",
    bandValue: "{lower} থেকে {upper}",
    stages: "সব ধাপ",
    stage: "ধাপ",
    spells: "অবস্থান",
    events: "শেষ হয়েছে",
    censored: "এখনো চলছে",
    medianDays: "মধ্যক (দিন)",
    notReached: "পৌঁছায়নি",
    forward: "সামনে এগিয়ে ছেড়েছেন",
    none: "–",
  },
  completed: {
    title: "তুলনার জন্য: শুধু শেষ হওয়া অবস্থান",
    note: "আগের হিসাব: এই সময়ে যে অবস্থানগুলো শেষ হয়েছে, শুধু সেগুলোর মধ্যক দৈর্ঘ্য। যাঁরা এখনো কোনো ধাপে আছেন তাঁরা এতে বাদ পড়েন, তাই সময়টা আসলের চেয়ে কম দেখায়।",
    table: "শুধু শেষ হওয়া অবস্থান",
    stage: "ধাপ",
    spells: "শেষ হওয়া অবস্থান",
    median: "মধ্যক (দিন)",
    empty: "এই সময়ে কোনো ক্লায়েন্ট কোনো ধাপ পেরিয়ে যাননি।",
  },
};

export default survival;
