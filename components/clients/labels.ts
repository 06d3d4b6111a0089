// Words for the client list's codes (the queries return codes): thin lookups into the messages
// (clients.flags, clients.duration). Hooks, so they work in server and client components alike.
import { useFormatter, useTranslations } from "next-intl";
import { NO_CHECKIN_DAYS, STALLED_DAYS, type Flag } from "@/lib/flags";

/** The flags the list filters by (the brief's four, plus the self-assessment gap the status query also computes). */
export const LIST_FLAGS: Flag[] = ["no-recent-checkin", "stalled", "regressed", "override-differs", "self-assessment-gap", "overdue"];

export function useFlagLabels(): Record<Flag, string> {
  const t = useTranslations("clients.flags");
  return {
    "no-recent-checkin": t("noRecentCheckin", { days: NO_CHECKIN_DAYS }),
    stalled: t("stalled", { days: STALLED_DAYS }),
    regressed: t("regressed"),
    "override-differs": t("overrideDiffers"),
    "self-assessment-gap": t("selfAssessmentGap"),
    overdue: t("overdue"),
  };
}

/** "12 days", "5 months", "2.5 years": how long a client has been in its stage. */
export function useDurationText(): (days: number | null) => string {
  const t = useTranslations("clients.duration");
  const format = useFormatter();
  return (days) => {
    if (days === null) return "—";
    if (days < 60) return t("days", { days });
    const months = Math.round(days / 30.44);
    if (months < 24) return t("months", { months });
    return t("years", { years: format.number(days / 365.25, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
  };
}
