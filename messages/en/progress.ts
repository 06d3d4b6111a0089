// English: the client's own progress page, spoken to the client. Keys must match
// messages/bn/progress.ts (tests/i18n check). The engine's reasons and next steps in the client's
// voice live in lib/stages/messages/you-en.ts.
const progress = {
  metaTitle: "Your progress",
  subtitle: "Your journey through the six stages of social media.",
  print: "Print",
  printLabel: "Print your progress",
  printedOn: "Printed on {date}",
  now: {
    title: "Where you are now",
    none: "Your consultant has not logged a check-in yet. Your progress appears here after the first one.",
    asOf: "as of your check-in on {date}",
    stageIs: "You are in stage {stage, number} of 6:",
    override: "Your consultant places you in stage {stage, number} from {date}.",
    overrideWithReason: "Your consultant places you in stage {stage, number} from {date}: {reason}",
  },
  strengths: {
    title: "What you do well now",
    none: "Nothing to show here yet: the next steps are a good place to start.",
  },
  next: {
    title: "Next steps towards stage {stage, number}",
    titleTop: "Next steps",
    top: "You are at the top of the ladder: keep going, and bring others along.",
  },
  journey: {
    title: "Your journey so far",
    chartTitle: "Your stage over time",
    axisStage: "{stage, number} · {name}",
    tooltipStage: "Stage {stage, number}: {name}",
    howTitle: "How you got here",
    from: "from {date}",
    checkIns: "{count, plural, one {Based on # check-in.} other {Based on # check-ins.}}",
    onePoint: "Your journey starts here. After your next check-in you will see it move.",
    everyCheckIn: "Every check-in",
    tableLabel: "Your stage at every check-in",
    date: "Date",
    stage: "Stage",
  },
  milestones: {
    title: "Milestones",
    reached: "first reached on <time>{date}</time>",
  },
  notes: { title: "Notes from your consultant" },
  self: {
    title: "Which stage would you put yourself in?",
    answer: "You said stage {stage, number} on <time>{date}</time>.",
    answerWithNote: "You said stage {stage, number} on <time>{date}</time>: “{note}”",
    ask: "Pick the stage that sounds most like you today. Your consultant sees your answer next to theirs.",
    change: "You can change your answer at any time.",
    note: "Anything you want to add? (optional)",
    stages: "Stages",
    stage: "Stage {stage, number}",
    chosen: "Your answer",
    saving: "Saving…",
    saved: "Thank you, your answer is saved.",
    errors: {
      note: "Keep it to {max, number} characters or fewer.",
      stage: "Choose one of the six stages.",
      form: "Your answer could not be saved. Please try again.",
    },
  },
};

export default progress;
