// English: /settings. Keys must match messages/bn/settings.ts (tests/i18n check).
const settings = {
  title: "Settings",
  signedInAs: "Signed in as {name} ({email}).",
  preferences: {
    title: "Language and time zone",
    locale: "Language",
    timeZone: "Time zone",
    timeZoneHint: "“Today” and every time on the pages follow this zone.",
    save: "Save",
    saved: "Saved. Pages now use your language and time zone.",
    badLocale: "Choose English or Bengali.",
    badTimeZone: "Choose a time zone from the list.",
  },
  firm: {
    title: "Firm time zone",
    hint: "For everyone in the firm who has not chosen their own.",
    save: "Save firm time zone",
    saved: "The firm's time zone is saved.",
  },
  password: {
    title: "Password",
    current: "Current password",
    new: "New password",
    again: "New password again",
    hint: "At least 10 characters.",
    submit: "Change password",
    submitting: "Changing…",
    changed: "Password changed.",
    noOthers: "You had no other sessions.",
    othersEnded: "{count, plural, one {# other session was signed out.} other {# other sessions were signed out.}}",
    errors: {
      "wrong-current": "That is not your current password.",
      "password-short": "Use at least 10 characters.",
      "password-mismatch": "The two new passwords are not the same.",
      "password-same": "Choose a password different from the current one.",
    },
  },
  sessions: {
    title: "Sessions",
    onlyHere: "You are signed in only here.",
    others: "{count, plural, one {You are also signed in on # other browser or device.} other {You are also signed in on # other browsers or devices.}}",
    limits: "A session ends after {idleHours} hours without use, and {days} days after signing in at the latest.",
    everywhere: "Sign out everywhere",
  },
  tokens: {
    title: "API tokens",
    link: "Manage your API tokens",
  },
  theme: {
    title: "Appearance",
    label: "Theme",
    system: "As the device",
    light: "Light",
    dark: "Dark",
  },
};

export default settings;
