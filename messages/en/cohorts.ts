// English: cohorts by first check-in month (/portfolio/cohorts). Keys must match messages/bn/cohorts.ts (tests/i18n check).
const cohorts = {
  metaTitle: "Cohorts",
  title: "Cohorts",
  subtitle: "{count, plural, one {# cohort} other {# cohorts}} · {from} to {to}",
  intro: "Clients are grouped by the month of their first check-in. Each cell is the share of a cohort at stage 4 or above at the end of a month since then (on {to} in its last month).",
  archivedNote: "Archived clients count until the day they were archived; each cell's clients are the ones still active then.",
  empty: "No client had a first check-in in this range.",
  triangle: {
    title: "Share at stage 4 or above, by months since the first check-in",
    corner: "Cohort",
    size: "Clients",
    monthsSince: "Months since the first check-in",
    month: "Month {k, number}",
    cell: "{share}: {reached, number} of {clients, number} clients of the {cohort} cohort at stage 4 or above in month {k, number}",
    noneLeft: "No active clients left",
    scale: "Colour scale",
    scaleStep: "{low} to {high}",
  },
  chart: {
    title: "Cohorts over time",
    months: "Months since the first check-in",
    share: "At stage 4 or above",
    latest: "The latest {shown, number} of {count, number} cohorts are drawn; the table above has them all.",
    legend: "Cohorts",
    monthShort: "Month {k, number}",
  },
  drill: {
    metaTitle: "Cohort clients",
    title: "{cohort} cohort, month {k, number}",
    subtitle: "{count, plural, one {# client} other {# clients}} on {day} · {reached, number} at stage 4 or above",
    back: "← Back to the cohorts",
    table: "Clients of the cohort",
    empty: "No client of this cohort was active then.",
    unassigned: "Unassigned",
    yes: "Yes",
    no: "No",
    col: {
      client: "Client",
      consultant: "Consultant",
      stage: "Stage then",
      reached: "Stage 4 or above",
    },
  },
};

export default cohorts;
