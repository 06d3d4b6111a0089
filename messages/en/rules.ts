// English: the firm's stage rules, what-if and recompute (/portfolio/rules). Keys must match messages/bn/rules.ts (tests/i18n check).
const rules = {
};

export default rules;
