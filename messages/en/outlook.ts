// English: each client's outlook (client page, progress page, overdue flag). Keys must match messages/bn/outlook.ts (tests/i18n check).
const outlook = {
  // The client page's card, for consultants and managers.
  card: {
    title: "Outlook",
    sentence:
      "Of {count, plural, one {# client who was} other {# clients who were}} in stage {stage, number} for this long, {share, number, percent} moved on within the next {horizon, number} days; typical remaining time {remaining, plural, one {# day} other {# days}}.",
    sentenceNotReached:
      "Of {count, plural, one {# client who was} other {# clients who were}} in stage {stage, number} for this long, {share, number, percent} moved on within the next {horizon, number} days; typical remaining time more than {remaining, plural, one {# day} other {# days}}.",
    soFar: "{days, plural, one {# day} other {# days}} in stage {stage, number} so far.",
    sourceFirm: "Based on this firm's clients.",
    sourceAll: "Based on clients of all firms, because this firm has fewer than {min, number} comparable.",
    movedOn: "“Moved on” counts any change of stage, forward or back.",
    overdue: "Overdue: in this stage far longer than clients usually stay.",
    noStage: "No outlook until the first check-in.",
    topStage: "Stage 6 is the top of the ladder: there is no next stage to wait for.",
    archived: "No outlook for an archived client.",
    noComparable: "No client of any firm has stayed in stage {stage, number} this long yet, so there is nobody to compare with.",
  },
  // The client's own progress page: no numbers, in their words.
  help: {
    title: "What usually helps at your stage",
    intro: "Owners who were where you are now found these steps useful:",
    stages: {
      s1: {
        tip1: "Ask a few of your regular customers which apps they use. That is where your business could meet them.",
        tip2: "Claim your business name on one network, even if you don't post yet, so that nobody else takes it.",
        tip3: "Look at what a neighbouring business shares and how its customers answer. You don't have to do anything yet.",
      },
      s2: {
        tip1: "Pick one network and post there yourself once a week, rather than a little everywhere.",
        tip2: "Switch off the automatic copying from your blog for a while: a few posts in your own words do more than many automatic ones.",
        tip3: "Answer every comment and message, even with a short thank-you.",
        tip4: "Give it a few months. Results rarely come in the first weeks, and that is normal.",
      },
      s3: {
        tip1: "Set aside a fixed time in your week for social media, like any other appointment.",
        tip2: "Cut back on automated posts and write fewer, more personal ones.",
        tip3: "Look for people to talk with: reply to customers, join a local group, ask a question.",
        tip4: "Feeling it isn't working is common at this point. It is often the moment things start to change.",
      },
      s4: {
        tip1: "Keep the rhythm you have found: steadiness is what brought your results.",
        tip2: "Note which posts bring visits, replies or customers, so you can do more of those.",
        tip3: "Try one simple way to measure what works, such as your page's own statistics.",
      },
      s5: {
        tip1: "Let what your tools show you decide what you post next, not only count what happened.",
        tip2: "Set up alerts for your business name, so you can answer mentions quickly.",
        tip3: "Tell a fellow business owner what has worked for you. Explaining it helps you see it clearly too.",
      },
      s6: {
        tip1: "Keep sharing: your tool lists and stories help other owners take their first steps.",
        tip2: "When you meet an owner who doesn't see the point yet, offer one small, concrete step rather than a lecture.",
        tip3: "Keep your own rhythm going. People learn as much from what you do as from what you say.",
      },
    },
  },
};

export default outlook;
