// English: /settings/tokens. Keys must match messages/bn/tokens.ts (tests/i18n check).
const tokens = {
  title: "API tokens",
  subtitle: "Personal access tokens let scripts and tools use the <link>Stageline API</link> as you, seeing exactly what you see.",
  newToken: "New token",
  yours: "Your tokens",
  none: "You have no tokens yet.",
  olderHidden: "{count, plural, one {# older revoked or expired token is} other {# older revoked or expired tokens are}} not shown.",
  region: "Your tokens (scrolls sideways)",
  columns: {
    name: "Name",
    prefix: "Starts with",
    created: "Created",
    expires: "Expires",
    lastUsed: "Last used",
    status: "Status",
    actions: "Actions",
  },
  never: "Never",
  status: {
    active: "Active",
    revoked: "Revoked",
    expired: "Expired",
  },
  revoke: "Revoke",
  revokeAria: "Revoke {name}",
  revokeWarning: "Anything using “{name}” stops working at once.",
  revoked: "Token “{name}” revoked.",
  form: {
    name: "Name",
    placeholder: "e.g. Spreadsheet sync",
    expires: "Expires after (days)",
    submit: "Create token",
    submitting: "Creating…",
    created: "Token “{name}” created. Copy it now: it is shown only once.",
    copy: "Copy",
    copied: "Copied",
    errors: {
      name: "Give the token a name of 1 to 100 characters.",
      expiresInDays: "Choose between 1 and 365 days.",
    },
  },
};

export default tokens;
