// Thresholds for the attention flags, one definition for the client list, the portfolio and the API.
export const NO_CHECKIN_DAYS = 45;
export const STALLED_DAYS = 120;
export const RECENT_REGRESSION_DAYS = 90;
export const SELF_ASSESSMENT_GAP = 2;

export type Flag = "no-recent-checkin" | "stalled" | "regressed" | "override-differs" | "self-assessment-gap";
export const FLAGS: Flag[] = ["no-recent-checkin", "stalled", "regressed", "override-differs", "self-assessment-gap"];
