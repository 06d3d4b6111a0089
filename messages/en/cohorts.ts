// English: cohorts by first check-in month (/portfolio/cohorts). Keys must match messages/bn/cohorts.ts (tests/i18n check).
const cohorts = {
};

export default cohorts;
