// English: loading, error and not-found pages. Keys must match messages/bn/states.ts (tests/i18n check).
const states = {
  loading: "Loading…",
  error: {
    title: "Something went wrong",
    body: "This page could not be shown. Nothing you saved was lost. Try again, and if it keeps happening, tell us the reference below.",
    reference: "Reference: {digest}",
    retry: "Try again",
  },
  confirm: {
    yes: "Confirm",
    yesAria: "Confirm: {action}",
    cancel: "Cancel",
    cancelAria: "Cancel: {action}",
    failed: "That did not work. Reload the page and try again.",
  },
  notFound: {
    title: "Page not found",
    body: "There is nothing here, or it is not yours to see.",
    home: "Go to your start page",
  },
};

export default states;
