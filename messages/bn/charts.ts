import type en from "../en/charts";

// বাংলা: চার্টের লেখা। ধাপের নাম client.stages থেকে আসে; সংখ্যা ও তারিখ Intl বাংলা অঙ্কে লেখে।
const charts: typeof en = {
  stage: "ধাপ {stage, number}",
  legend: "চিহ্নের ব্যাখ্যা",
  showData: "তথ্য দেখুন",
  dataOf: "{title}: তথ্য",
  barLink: "ধাপ {stage, number}: {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}}",
  segmentLink: "{label}, ধাপ {stage, number}: {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}}",
  col: {
    stage: "ধাপ",
    clients: "ক্লায়েন্ট",
    month: "মাস",
    consultant: "কনসালট্যান্ট",
    date: "তারিখ",
  },
  time: {
    spells: "কতবার পেরিয়েছেন",
    median: "মধ্যক (দিন)",
    middleHalf: "মাঝের অর্ধেক",
    range: "সর্বনিম্ন–সর্বোচ্চ",
    span: "{from, number}–{to, number}",
    note: "পরের ধাপে যাওয়ার আগে ক্লায়েন্টরা প্রতিটি ধাপে কত দিন ছিলেন: বারটি মাঝের অর্ধেক, বিন্দুটি মধ্যক, আর রেখাটি সবচেয়ে কম থেকে সবচেয়ে বেশি সময়।",
    dayTick: "{days, number} দিন",
    medianTip: "{days, plural, one {# দিন} other {# দিন}} ({spells, plural, one {# বার} other {# বার}})",
    middleTip: "{from, number}–{to, number} দিন",
    boxLink: "ধাপ {stage, number}: মধ্যক {days, plural, one {# দিন} other {# দিন}}",
  },
  flows: {
    corner: "আগের ধাপ ↓ / পরের ধাপ →",
    fromStage: "ধাপ {stage, number} থেকে",
    toStage: "ধাপ {stage, number}-এ",
    forwardCell: "{from, number} → {to, number}: {count, plural, one {# বার এগিয়েছেন} other {# বার এগিয়েছেন}}",
    backwardCell: "{from, number} → {to, number}: {count, plural, one {# বার পিছিয়েছেন} other {# বার পিছিয়েছেন}}",
    forward: "সামনে এগোনো",
    backward: "পিছিয়ে যাওয়া",
  },
  timeline: {
    onePoint: "এখন পর্যন্ত একটি চেক-ইন, {date} তারিখে — {stage}। পরের চেক-ইন থেকে রেখাটি শুরু হবে।",
  },
  signals: {
    title: "যা দেখা গেছে",
    onePoint: "এখন পর্যন্ত একটি চেক-ইন: প্রতিটি চার্টে তার একটিমাত্র মান দেখানো হয়েছে, পরের চেক-ইন থেকে রেখা শুরু হবে।",
  },
};

export default charts;
