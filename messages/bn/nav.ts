import type en from "../en/nav";

// বাংলা: অ্যাপের ওপরের বার, মেনু আর সরাসরি বিষয়বস্তুতে যাওয়ার লিংক।
const nav: typeof en = {
  skip: "সরাসরি মূল অংশে যান",
  main: "প্রধান",
  menu: "মেনু",
  home: "Stageline, শুরুর পাতা",
  links: {
    portfolio: "পোর্টফোলিও",
    clients: "ক্লায়েন্ট",
    import: "ইমপোর্ট",
    team: "টিম",
    audit: "অডিট",
    progress: "আমার অগ্রগতি",
    settings: "সেটিংস",
  },
  roles: {
    manager: "ম্যানেজার",
    consultant: "কনসালট্যান্ট",
    client: "ক্লায়েন্ট",
  },
  insight: {
    label: "পোর্টফোলিওর দৃশ্য",
    overview: "সারসংক্ষেপ",
    cohorts: "কোহর্ট",
    agreement: "মতের মিল",
    rules: "ধাপের নিয়ম",
  },
  signedInAs: "{name} হিসেবে সাইন ইন করা আছে",
  signOut: "সাইন আউট",
};

export default nav;
