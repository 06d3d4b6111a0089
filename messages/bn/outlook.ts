// Bengali: each client's outlook (client page, progress page, overdue flag). Typed against messages/en/outlook.ts.
import type en from "../en/outlook";

const outlook: typeof en = {
};

export default outlook;
