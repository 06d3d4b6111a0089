// English: the charts messages. Keys must match messages/bn/charts.ts (tests/i18n check).
// Stage names come from the client namespace (client.stages.<n>.name).
const charts = {
  stage: "Stage {stage, number}",
  legend: "Legend",
  showData: "Show data",
  dataOf: "{title}: data",
  barLink: "Stage {stage, number}: {count, plural, one {# client} other {# clients}}",
  segmentLink: "{label}, stage {stage, number}: {count, plural, one {# client} other {# clients}}",
  col: {
    stage: "Stage",
    clients: "Clients",
    month: "Month",
    consultant: "Consultant",
    date: "Date",
  },
  time: {
    spells: "Spells",
    median: "Median days",
    middleHalf: "Middle half",
    range: "Range",
    span: "{from, number}–{to, number}",
    note: "Days a client spent in each stage before moving on: the bar is the middle half, the dot the median, the line the shortest to the longest.",
    dayTick: "{days, number}d",
    medianTip: "{days, plural, one {# day} other {# days}} ({spells, plural, one {# spell} other {# spells}})",
    middleTip: "{from, number}–{to, number} days",
    boxLink: "Stage {stage, number}: median {days, plural, one {# day} other {# days}}",
  },
  flows: {
    corner: "from ↓ / to →",
    fromStage: "From stage {stage, number}",
    toStage: "To stage {stage, number}",
    forwardCell: "{from, number} → {to, number}: {count, plural, one {# forward move} other {# forward moves}}",
    backwardCell: "{from, number} → {to, number}: {count, plural, one {# backward move} other {# backward moves}}",
    forward: "forward moves",
    backward: "backward moves",
  },
  timeline: {
    onePoint: "One check-in so far, on {date}: {stage}. The line starts with the next one.",
  },
  signals: {
    title: "What was observed",
    onePoint: "One check-in so far: each chart shows its single value, and the lines start with the next check-in.",
  },
};

export default charts;
