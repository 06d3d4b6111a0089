// Every word the check-in form shows, in one place (a Bengali translation comes later).
// Labels and help follow shared/checkin-format.md and shared/STAGES.md. Field texts are keyed by
// the message keys of the field definitions (fieldLabelKey / fieldHelpKey in lib/stages/vocabulary.ts).
import { CHECKIN_FIELDS, fieldHelpKey, fieldLabelKey, type FieldColumn } from "@/lib/checkin-format/field-defs";
import type { CheckInFormField } from "@/lib/validation/checkin-form";

export interface FieldText {
  label: string;
  help: string;
}

type FieldMessageKey = `checkin.fields.${FieldColumn}.${"label" | "help"}`;

/** English texts of the check-in fields, by message key. */
export const FIELD_MESSAGES_EN: Record<FieldMessageKey, string> = {
  "checkin.fields.date.label": "Date of the check-in",
  "checkin.fields.date.help": "The day you observed the business; it covers roughly the 30 days before it. Not in the future.",
  "checkin.fields.consultant.label": "Consultant's email",
  "checkin.fields.consultant.help": "Who made the observation. Leave empty to use your own email.",
  "checkin.fields.accounts.label": "Accounts the business controls",
  "checkin.fields.accounts.help": "Platforms where the business has an account of its own. None ticked = no accounts.",
  "checkin.fields.accounts_since.label": "Accounts open since",
  "checkin.fields.accounts_since.help": "When the business opened its first account, if known. Empty = the date of the first check-in that lists an account.",
  "checkin.fields.posts_last_30d.label": "Posts in the last 30 days",
  "checkin.fields.posts_last_30d.help": "Posts published across all platforms in the 30 days before the date (0-10000).",
  "checkin.fields.rhythm.label": "Posting rhythm",
  "checkin.fields.rhythm.help": "Scheduled: time for social media is set aside on a routine. Sporadic: when they remember or feel like it.",
  "checkin.fields.automated_share.label": "Share of posts sent automatically",
  "checkin.fields.automated_share.help": "From 0 to 1: the part of those posts that went out without the owner's attention (an auto-synced blog, blind cross-posting). 0.5 = half.",
  "checkin.fields.replies.label": "Replies to the audience",
  "checkin.fields.replies.help": "How the business answers comments, mentions and messages.",
  "checkin.fields.promotion.label": "Promotion of the accounts",
  "checkin.fields.promotion.help": "Whether the business points its customers to its accounts (in the shop, on receipts, in email).",
  "checkin.fields.results.label": "Results",
  "checkin.fields.results.help": "Outcomes the business can attribute to social media: links and visits, page growth, customers who say they found it there.",
  "checkin.fields.tools.label": "Tools in use",
  "checkin.fields.tools.help": "Monitoring = listening and brand-mention alerts; influence = influence scoring.",
  "checkin.fields.mention_response_hours.label": "Hours to answer a mention",
  "checkin.fields.mention_response_hours.help": "Typical hours until the business answers a mention or message (0-720). Empty if unknown.",
  "checkin.fields.advocacy.label": "Advocacy",
  "checkin.fields.advocacy.help": "Whether the owner recommends social media to peers, shares tool lists and case studies, refers other businesses.",
  "checkin.fields.attitude.label": "Owner's attitude",
  "checkin.fields.attitude.help": "Your read of the owner's mindset. One signal among many: behaviour outweighs what they say.",
  "checkin.fields.followers.label": "Followers",
  "checkin.fields.followers.help": "Total followers across platforms, if known.",
  "checkin.fields.notes.label": "Notes",
  "checkin.fields.notes.help": "Free text, up to 5000 characters.",
};

export const FIELD_TEXT: Record<CheckInFormField, FieldText> = {
  ...(Object.fromEntries(
    CHECKIN_FIELDS.map((d) => [d.column, { label: FIELD_MESSAGES_EN[fieldLabelKey(d)], help: FIELD_MESSAGES_EN[fieldHelpKey(d)] }]),
  ) as Record<FieldColumn, FieldText>),
  notes_internal: { label: "Keep this note internal", help: "Internal notes are never shown to the client." },
};

export const OPTION_TEXT: Record<string, Record<string, string>> = {
  accounts: {
    facebook: "Facebook", x: "X (Twitter)", instagram: "Instagram", linkedin: "LinkedIn", tiktok: "TikTok",
    youtube: "YouTube", pinterest: "Pinterest", blog: "Blog", other: "Other",
  },
  rhythm: { none: "None: no posting", sporadic: "Sporadic: when they remember", scheduled: "Scheduled: time set aside on a routine" },
  replies: { none: "None", some: "Some", consistent: "Consistent" },
  promotion: { none: "None", light: "Light", active: "Active" },
  results: { none: "None yet", some: "Some", clear: "Clear" },
  tools: { scheduling: "Scheduling", analytics: "Analytics", monitoring: "Monitoring (listening, mention alerts)", influence: "Influence scoring", crm: "CRM" },
  advocacy: { none: "None", some: "Some", active: "Active" },
  attitude: {
    dismissive: "Dismissive", hesitant: "Hesitant", hopeful: "Hopeful", frustrated: "Frustrated",
    comfortable: "Comfortable", enthusiastic: "Enthusiastic", evangelist: "Evangelist",
  },
};

export const FORM_TEXT = {
  choose: "Choose…",
  notRecorded: "Not recorded",
  groups: { when: "When and who", presence: "Presence and posting", audience: "Audience and results", growth: "Tools and advocacy", notes: "Notes" },
  saveNew: "Save check-in",
  saveEdit: "Save changes",
  saving: "Saving…",
  cancel: "Cancel",
  errorSummary: "Some fields need attention. The problems are shown at each field.",
  conflict: "This check-in was changed by someone else while you were editing. Your changes were not saved.",
  conflictReload: "Reload the latest version",
  notFound: "This check-in no longer exists.",
  changedSince: "Changed since the last check-in:",
  unchangedSince: "Same observations as the last check-in so far.",
  changedInEdit: "Changed in this edit:",
  unchangedInEdit: "No observation changed yet.",
  changedMark: "changed",
  prefilledNote: (date: string) => `Prefilled from the check-in of ${date}. Change what is different and save.`,
  firstNote: "This is the client's first check-in.",
};
