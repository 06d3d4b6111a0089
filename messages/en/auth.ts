// English: signing in, invitation and reset links, and the signed-out language switch.
const auth = {
  signIn: {
    title: "Sign in",
    tagline: "Sign in to see where your clients stand.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    enter: "Enter your email and password.",
    wrong: "Wrong email or password.",
    locked: "Too many failed sign-ins for this account. For your safety it is locked for {minutes, plural, one {# more minute} other {# more minutes}}; try again then, or ask your manager to unlock it.",
    invited: "Your password is set. Sign in with it.",
    ended: {
      everywhere: "You have been signed out on every browser and device.",
      reset: "Your password has been changed and every session signed out. Sign in with the new password.",
    },
  },
  language: {
    label: "Language",
    switchTo: "Switch to {language}",
  },
  link: {
    welcome: "Welcome to Stageline",
    resetTitle: "Choose a new password",
    invalid: "This invitation link is not valid.",
    used: "This invitation has already been used.",
    usedSignIn: "Sign in",
    expired: "This link has expired. Ask your manager for a new one.",
    revoked: "This link has been withdrawn. Ask your manager for a new one.",
    locked: "Too many attempts with invalid links from this address. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
    choose: "{name}, choose a password for {email}.",
    chooseReset: "{name}, choose a new password for {email}. Every session of yours will be signed out.",
    newPassword: "New password",
    confirmPassword: "Confirm password",
    hint: "At least 10 characters.",
    short: "Use at least 10 characters.",
    mismatch: "The two passwords are not the same.",
    submit: "Set password",
  },
};

export default auth;
