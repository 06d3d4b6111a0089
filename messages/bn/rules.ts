// Bengali: the firm's stage rules, what-if and recompute (/portfolio/rules). Typed against messages/en/rules.ts.
import type en from "../en/rules";

const rules: typeof en = {
};

export default rules;
