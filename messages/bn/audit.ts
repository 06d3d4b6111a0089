import type en from "../en/audit";

// বাংলা: /audit — কে কখন কী বদলেছেন।
const audit: typeof en = {
  title: "অডিট লগ",
  subtitle: "কে কী বদলেছেন, আর কখন। সবচেয়ে নতুনটি আগে।",
  zone: "সময়গুলো আপনার সময় অঞ্চল অনুযায়ী: {zone}।",
  filters: "অডিট ফিল্টার",
  client: "ক্লায়েন্ট",
  noSuchClient: "{name} নামে কোনো ক্লায়েন্ট নেই।",
  user: "ব্যবহারকারী",
  allUsers: "সব ব্যবহারকারী",
  userOption: "{name} ({email})",
  apply: "প্রয়োগ করুন",
  reset: "আগের মতো করুন",
  table: "অডিটের এন্ট্রি",
  region: "অডিটের এন্ট্রি (পাশে স্ক্রল করুন)",
  when: "কখন",
  who: "কে",
  what: "কী",
  before: "আগে",
  after: "পরে",
  none: "মিলে যায় এমন কোনো এন্ট্রি নেই।",
  pages: "পাতা",
  newer: "← নতুনগুলো",
  older: "পুরোনোগুলো →",
  page: "পাতা {page, number}",
};

export default audit;
