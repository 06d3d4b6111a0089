// English: time in stage as survival curves (Kaplan–Meier) on /portfolio. Keys must match messages/bn/survival.ts (tests/i18n check).
const survival = {
};

export default survival;
