// Bengali: time in stage as survival curves (Kaplan–Meier) on /portfolio. Typed against messages/en/survival.ts.
import type en from "../en/survival";

const survival: typeof en = {
};

export default survival;
