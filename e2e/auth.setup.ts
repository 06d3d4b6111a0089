import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { authFile, LOGINS, signIn, type Login } from "./helpers";

// Signs in once per demo login and saves the session (cookies) for the specs to reuse.
const HOME: Record<Login, RegExp> = {
  manager: /\/portfolio$/,
  consultant: /\/clients$/,
  consultant2: /\/clients$/,
  client: /\/progress$/,
  client2: /\/progress$/,
  "other-manager": /\/portfolio$/,
};

for (const [who, email] of Object.entries(LOGINS) as [Login, string][]) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(HOME[who]);
    mkdirSync(path.dirname(authFile(who)), { recursive: true });
    await page.context().storageState({ path: authFile(who) });
  });
}
