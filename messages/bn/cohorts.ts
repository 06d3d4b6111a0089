// Bengali: cohorts by first check-in month (/portfolio/cohorts). Typed against messages/en/cohorts.ts.
import type en from "../en/cohorts";

const cohorts: typeof en = {
};

export default cohorts;
