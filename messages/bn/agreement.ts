// Bengali: agreement of the engine with overrides and self-assessments (/portfolio/agreement). Typed against messages/en/agreement.ts.
import type en from "../en/agreement";

const agreement: typeof en = {
};

export default agreement;
