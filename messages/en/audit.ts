// English: /audit. Keys must match messages/bn/audit.ts (tests/i18n check).
const audit = {
  title: "Audit log",
  subtitle: "Who changed what, and when. Newest first.",
  zone: "Times are in your time zone, {zone}.",
  filters: "Audit filters",
  client: "Client",
  noSuchClient: "No client is called {name}.",
  user: "User",
  allUsers: "All users",
  userOption: "{name} ({email})",
  apply: "Apply",
  reset: "Reset",
  table: "Audit entries",
  region: "Audit entries (scrolls sideways)",
  when: "When",
  who: "Who",
  what: "What",
  before: "Before",
  after: "After",
  none: "No entries match.",
  pages: "Pages",
  newer: "← Newer",
  older: "Older →",
  page: "Page {page, number}",
};

export default audit;
