// English: agreement of the engine with overrides and self-assessments (/portfolio/agreement). Keys must match messages/bn/agreement.ts (tests/i18n check).
const agreement = {
};

export default agreement;
