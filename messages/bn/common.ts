import type en from "../en/common";

// বাংলা: পুরো অ্যাপে ব্যবহৃত শব্দ।
const common: typeof en = {
  appName: "Stageline",
  save: "সংরক্ষণ করুন",
  cancel: "বাতিল",
  back: "ফিরে যান",
  loading: "লোড হচ্ছে…",
  none: "—",
  stage: "ধাপ {stage}",
  stageOf: "৬টির মধ্যে ধাপ {stage}",
  language: "ভাষা",
  timeZone: "সময় অঞ্চল",
  today: "আজ",
  undo: "আগের অবস্থায় ফেরান",
  confirm: "নিশ্চিত করুন",
};

export default common;
