import type en from "../en/tokens";

// বাংলা: /settings/tokens — ব্যক্তিগত API টোকেন।
const tokens: typeof en = {
  title: "API টোকেন",
  subtitle: "ব্যক্তিগত অ্যাক্সেস টোকেন দিয়ে স্ক্রিপ্ট আর টুল আপনার হয়ে <link>Stageline API</link> ব্যবহার করতে পারে; আপনি যা দেখেন, ঠিক ততটুকুই দেখতে পায়।",
  newToken: "নতুন টোকেন",
  yours: "আপনার টোকেন",
  none: "আপনার এখনও কোনো টোকেন নেই।",
  olderHidden: "আরও {count, number}টি পুরোনো বাতিল বা মেয়াদোত্তীর্ণ টোকেন দেখানো হচ্ছে না।",
  region: "আপনার টোকেন (পাশে স্ক্রল করুন)",
  columns: {
    name: "নাম",
    prefix: "শুরুর অংশ",
    created: "তৈরি হয়েছে",
    expires: "মেয়াদ শেষ",
    lastUsed: "শেষ ব্যবহার",
    status: "অবস্থা",
    actions: "কাজ",
  },
  never: "কখনও না",
  status: {
    active: "চালু",
    revoked: "বাতিল",
    expired: "মেয়াদ শেষ",
  },
  revoke: "বাতিল করুন",
  revokeAria: "{name} বাতিল করুন",
  revokeWarning: "“{name}” যা কিছু ব্যবহার করছে, সব সঙ্গে সঙ্গে বন্ধ হয়ে যাবে।",
  revoked: "“{name}” টোকেনটি বাতিল হয়েছে।",
  form: {
    name: "নাম",
    placeholder: "যেমন: স্প্রেডশিট সিংক",
    expires: "মেয়াদ (দিন)",
    submit: "টোকেন তৈরি করুন",
    submitting: "তৈরি হচ্ছে…",
    created: "“{name}” টোকেন তৈরি হয়েছে। এখনই কপি করে রাখুন: এটি শুধু একবারই দেখানো হবে।",
    copy: "কপি করুন",
    copied: "কপি হয়েছে",
    errors: {
      name: "টোকেনের একটি নাম দিন, ১ থেকে ১০০ অক্ষরের মধ্যে।",
      expiresInDays: "১ থেকে ৩৬৫ দিনের মধ্যে বেছে নিন।",
    },
  },
};

export default tokens;
