// Bengali: agreement of the engine with overrides and self-assessments (/portfolio/agreement). Typed against messages/en/agreement.ts.
// The words follow messages/bn/client.ts: an override is the consultant's "মূল্যায়ন", a self-assessment the client's "নিজের মত".
import type en from "../en/agreement";

const agreement: typeof en = {
  metaTitle: "মিল-অমিল",
  title: "নির্ণীত ধাপের সঙ্গে মানুষের মত কতটা মেলে?",
  subtitle: "{clients, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}} · {withStage, plural, one {# জনের নির্ণীত ধাপ আছে} other {# জনের নির্ণীত ধাপ আছে}}",
  intro: "প্রতিটি ক্লায়েন্টের এখনকার নির্ণীত ধাপ, কনসালট্যান্ট নিজের মূল্যায়নে যে ধাপ দিয়েছেন আর ক্লায়েন্ট সবশেষ নিজের মত জানাতে যে ধাপ বেছেছেন, তার সঙ্গে মিলিয়ে দেখা। যাঁদের কোনো চেক-ইন নেই, তাঁদের নির্ণীত ধাপও নেই, তাই তাঁরা এই হিসাবে নেই।",
  badFilters: "এই ফিল্টারগুলো দিয়ে দেখানো যাচ্ছে না।",
  against: {
    override: {
      title: "নির্ণীত ধাপ আর কনসালট্যান্টের মূল্যায়ন",
      column: "কনসালট্যান্টের মূল্যায়ন",
      corner: "নির্ণীত ↓ / মূল্যায়ন →",
      colStage: "মূল্যায়ন: ধাপ {stage, number}",
      cell: "নির্ণীত ধাপ {inferred, number}, মূল্যায়নে ধাপ {other, number}: {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}}",
      pairs: "{count, plural, one {# জন ক্লায়েন্টের কনসালট্যান্টের মূল্যায়ন বহাল আছে} other {# জন ক্লায়েন্টের কনসালট্যান্টের মূল্যায়ন বহাল আছে}}",
      empty: "নির্ণীত ধাপ আছে এমন কোনো ক্লায়েন্টের জন্য কনসালট্যান্টের কোনো মূল্যায়ন বহাল নেই।",
      disagree: "যাঁদের মূল্যায়ন নির্ণীত ধাপ থেকে আলাদা ({count, number})",
    },
    self: {
      title: "নির্ণীত ধাপ আর ক্লায়েন্টের নিজের মত",
      column: "ক্লায়েন্টের নিজের মত",
      corner: "নির্ণীত ↓ / নিজের মত →",
      colStage: "নিজের মত: ধাপ {stage, number}",
      cell: "নির্ণীত ধাপ {inferred, number}, নিজের মতে ধাপ {other, number}: {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}}",
      pairs: "{count, plural, one {# জন ক্লায়েন্ট নিজের মত জানিয়েছেন} other {# জন ক্লায়েন্ট নিজের মত জানিয়েছেন}}",
      empty: "নির্ণীত ধাপ আছে এমন কোনো ক্লায়েন্ট এখনো নিজের মত জানাননি।",
      disagree: "যাঁরা নিজেদের অন্য ধাপে দেখেন ({count, number})",
    },
  },
  rowStage: "নির্ণীত: ধাপ {stage, number}",
  exact: "হুবহু মিলেছে",
  withinOne: "এক ধাপের মধ্যে",
  noShare: "—",
  legend: {
    exact: "একই ধাপ",
    withinOne: "এক ধাপের ফারাক",
  },
  stagesTitle: "ধাপগুলো",
  consultants: {
    title: "কনসালট্যান্ট অনুযায়ী",
    table: "কনসালট্যান্ট অনুযায়ী মিল",
    consultant: "কনসালট্যান্ট",
    clients: "ক্লায়েন্ট",
    withStage: "নির্ণীত ধাপ আছে",
    pairs: "মিলিয়ে দেখা",
    exact: "হুবহু",
    withinOne: "এক ধাপের মধ্যে",
    unassigned: "কাউকে দেওয়া হয়নি",
    empty: "এই ফিল্টারে কোনো ক্লায়েন্ট নেই।",
    pairsLink: "{name}: মিলিয়ে দেখার মতো {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}} ({against})",
  },
  drill: {
    metaTitle: "মিল-অমিল: ক্লায়েন্ট",
    table: "ক্লায়েন্ট",
    back: "← মিল-অমিলের পাতায় ফিরে যান",
    override: {
      all: "যেসব ক্লায়েন্টের কনসালট্যান্টের মূল্যায়ন আছে",
      disagree: "যেসব ক্লায়েন্টের মূল্যায়ন নির্ণীত ধাপ থেকে আলাদা",
      cell: "নির্ণীত ধাপ {inferred, number}, মূল্যায়নে ধাপ {other, number}",
    },
    self: {
      all: "যেসব ক্লায়েন্ট নিজের মত জানিয়েছেন",
      disagree: "যেসব ক্লায়েন্টের নিজের মত নির্ণীত ধাপ থেকে আলাদা",
      cell: "নির্ণীত ধাপ {inferred, number}, নিজের মতে ধাপ {other, number}",
    },
    subtitle: "{count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}}",
    ofConsultant: "{name}-এর ক্লায়েন্টরা",
    ofNobody: "যেসব ক্লায়েন্টের কনসালট্যান্ট নেই",
    ofOneConsultant: "একজন কনসালট্যান্টের ক্লায়েন্টরা",
    empty: "মিলে যায় এমন কোনো ক্লায়েন্ট নেই।",
    unassigned: "কাউকে দেওয়া হয়নি",
    col: {
      client: "ক্লায়েন্ট",
      consultant: "কনসালট্যান্ট",
      inferred: "নির্ণীত ধাপ",
      override: "কনসালট্যান্টের মূল্যায়ন",
      self: "নিজের মত",
      difference: "ফারাক (ধাপ)",
      answered: "উত্তরের তারিখ",
    },
    differenceHelp: "ফারাক: মানুষের দেওয়া ধাপ বিয়োগ নির্ণীত ধাপ। শূন্যের বেশি হলে তাঁরা ক্লায়েন্টকে নির্ণীত ধাপের চেয়ে এগিয়ে দেখছেন।",
  },
};

export default agreement;
