// The English messages, one file per area of the app (messages/en/*.ts).
import common from "./en/common";
import nav from "./en/nav";
import auth from "./en/auth";
import settings from "./en/settings";
import team from "./en/team";
import audit from "./en/audit";
import tokens from "./en/tokens";
import clients from "./en/clients";
import client from "./en/client";
import checkin from "./en/checkin";
import portfolio from "./en/portfolio";
import charts from "./en/charts";
import progress from "./en/progress";
import importer from "./en/importer";
import states from "./en/states";

export const en = { common, nav, auth, settings, team, audit, tokens, clients, client, checkin, portfolio, charts, progress, importer, states };
export type Messages = typeof en;
