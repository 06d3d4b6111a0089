// English: the app shell (top bar, navigation menu, skip link). Keys must match messages/bn/nav.ts (tests/i18n check).
const nav = {
  skip: "Skip to content",
  main: "Main",
  menu: "Menu",
  home: "Stageline, start page",
  links: {
    portfolio: "Portfolio",
    clients: "Clients",
    import: "Import",
    team: "Team",
    audit: "Audit",
    progress: "My progress",
    settings: "Settings",
  },
  roles: {
    manager: "manager",
    consultant: "consultant",
    client: "client",
  },
  insight: {
    label: "Portfolio views",
    overview: "Overview",
    cohorts: "Cohorts",
    agreement: "Agreement",
    rules: "Stage rules",
  },
  signedInAs: "Signed in as {name}",
  signOut: "Sign out",
};

export default nav;
