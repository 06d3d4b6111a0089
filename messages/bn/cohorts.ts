// Bengali: cohorts by first check-in month (/portfolio/cohorts). Typed against messages/en/cohorts.ts.
// বাংলা: প্রথম চেক-ইনের মাস অনুযায়ী ক্লায়েন্টদের দল (কোহর্ট)। সংখ্যা ও শতাংশ Intl বাংলা অঙ্কে লেখে।
import type en from "../en/cohorts";

const cohorts: typeof en = {
  metaTitle: "কোহর্ট",
  title: "কোহর্ট",
  subtitle: "{count, plural, one {# টি কোহর্ট} other {# টি কোহর্ট}} · {from} থেকে {to}",
  intro: "প্রথম চেক-ইনের মাস অনুযায়ী ক্লায়েন্টদের দলে ভাগ করা হয়েছে। প্রতিটি ঘরে দেখানো হয়েছে, তার পরের কোনো মাসের শেষে দলের কত অংশ ধাপ ৪ বা তার ওপরে ছিলেন (শেষ মাসে {to} তারিখে)।",
  archivedNote: "আর্কাইভ করা ক্লায়েন্টদের আর্কাইভের দিন পর্যন্ত গোনা হয়; প্রতিটি ঘরের ক্লায়েন্ট তাঁরাই, যাঁরা তখনো সক্রিয় ছিলেন।",
  empty: "এই সময়ে কোনো ক্লায়েন্টের প্রথম চেক-ইন হয়নি।",
  triangle: {
    title: "প্রথম চেক-ইনের পর মাস অনুযায়ী ধাপ ৪ বা তার ওপরে থাকা ক্লায়েন্টের অংশ",
    corner: "কোহর্ট",
    size: "ক্লায়েন্ট",
    monthsSince: "প্রথম চেক-ইনের পর কত মাস",
    month: "মাস {k, number}",
    cell: "{share}: {cohort} কোহর্টের {clients, number} জন ক্লায়েন্টের মধ্যে {reached, number} জন মাস {k, number}-এ ধাপ ৪ বা তার ওপরে",
    noneLeft: "কোনো সক্রিয় ক্লায়েন্ট বাকি নেই",
    scale: "রঙের মাপকাঠি",
    scaleStep: "{low} থেকে {high}",
  },
  chart: {
    title: "সময়ের সঙ্গে কোহর্টগুলো",
    months: "প্রথম চেক-ইনের পর কত মাস",
    share: "ধাপ ৪ বা তার ওপরে",
    latest: "{count, number}টি কোহর্টের মধ্যে সাম্প্রতিকতম {shown, number}টি আঁকা হয়েছে; ওপরের সারণিতে সবগুলো আছে।",
    legend: "কোহর্ট",
    monthShort: "মাস {k, number}",
  },
  drill: {
    metaTitle: "কোহর্টের ক্লায়েন্ট",
    title: "{cohort} কোহর্ট, মাস {k, number}",
    subtitle: "{day} তারিখে {count, plural, one {# জন ক্লায়েন্ট} other {# জন ক্লায়েন্ট}} · {reached, number} জন ধাপ ৪ বা তার ওপরে",
    back: "← কোহর্টে ফিরে যান",
    table: "কোহর্টের ক্লায়েন্টরা",
    empty: "এই কোহর্টের কোনো ক্লায়েন্ট তখন সক্রিয় ছিলেন না।",
    unassigned: "কাউকে দেওয়া হয়নি",
    yes: "হ্যাঁ",
    no: "না",
    col: {
      client: "ক্লায়েন্ট",
      consultant: "কনসালট্যান্ট",
      stage: "তখনকার ধাপ",
      reached: "ধাপ ৪ বা তার ওপরে",
    },
  },
};

export default cohorts;
