// The Bengali messages, one file per area of the app (messages/bn/*.ts).
import common from "./bn/common";
import nav from "./bn/nav";
import auth from "./bn/auth";
import settings from "./bn/settings";
import team from "./bn/team";
import audit from "./bn/audit";
import tokens from "./bn/tokens";
import clients from "./bn/clients";
import client from "./bn/client";
import checkin from "./bn/checkin";
import portfolio from "./bn/portfolio";
import charts from "./bn/charts";
import progress from "./bn/progress";
import importer from "./bn/importer";
import states from "./bn/states";
import survival from "./bn/survival";
import outlook from "./bn/outlook";
import cohorts from "./bn/cohorts";
import agreement from "./bn/agreement";
import rules from "./bn/rules";
import type { Messages } from "./en";

export const bn: Messages = { common, nav, auth, settings, team, audit, tokens, clients, client, checkin, portfolio, charts, progress, importer, states, survival, outlook, cohorts, agreement, rules };
