// The stage engine: pure, deterministic inference of the six stages (shared/STAGES.md).
export { inferStages, latestStage, type InferOptions } from "./infer";
export { STAGE_LABELS, STAGE_SUMMARIES } from "./messages/en";
export { messagesFor, type Locale, type StageMessages } from "./messages";
export { TRIAL_DAYS, ROUTINE_MIN_POSTS, HIGH_AUTOMATION, FAST_RESPONSE_HOURS, INSIGHT_TOOLS, ATTITUDE_STAGE } from "./rules";
export { dayNumber, isoFromDay } from "./dates";
export {
  DEFAULT_SETTINGS, SETTING_KEYS, SETTING_BOUNDS, MAX_CONFIRM_BACK, parseSettings, sameSettings, isDefaultSettings, unknownKeys,
  type StageSettings, type SettingKey, type SettingBounds, type SettingsError, type SettingsErrorCode, type ParsedSettings,
} from "./settings";
export type { Stage, StageInput, StageEntry } from "./types";
export * from "./vocabulary";
