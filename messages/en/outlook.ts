// English: each client's outlook (client page, progress page, overdue flag). Keys must match messages/bn/outlook.ts (tests/i18n check).
const outlook = {
};

export default outlook;
