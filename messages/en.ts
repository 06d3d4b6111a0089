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
import survival from "./en/survival";
import outlook from "./en/outlook";
import cohorts from "./en/cohorts";
import agreement from "./en/agreement";
import rules from "./en/rules";

export const en = { common, nav, auth, settings, team, audit, tokens, clients, client, checkin, portfolio, charts, progress, importer, states, survival, outlook, cohorts, agreement, rules };
export type Messages = typeof en;
