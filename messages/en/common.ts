// English: words the whole app shares. Keys must match messages/bn/common.ts (tests/i18n check).
const common = {
  appName: "Stageline",
  save: "Save",
  cancel: "Cancel",
  back: "Back",
  loading: "Loading…",
  none: "—",
  stage: "Stage {stage}",
  stageOf: "Stage {stage} of 6",
  language: "Language",
  timeZone: "Time zone",
  today: "Today",
  undo: "Undo",
  confirm: "Confirm",
};

export default common;
