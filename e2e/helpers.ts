import { fileURLToPath } from "node:url";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "stageline-demo";

/**
 * The demo logins (db/seed.ts DEMO_LOGINS) whose sessions e2e/auth.setup.ts saves once per run,
 * keyed by the local part of the email. Specs reuse them with `test.use({ storageState: authFile(...) })`
 * or pageAs(); only specs about sign-in itself, sign-out or revoking a session sign in afresh,
 * and those use users not listed here, so they never invalidate a saved session.
 */
export const LOGINS = {
  manager: "manager@example.com",
  consultant: "consultant@example.com",
  consultant2: "consultant2@example.com",
  client: "client@example.com",
  client2: "client2@example.com",
  "other-manager": "other-manager@example.org",
} as const;
export type Login = keyof typeof LOGINS;

/** Where the saved session of a demo login lives (gitignored). */
export function authFile(who: Login): string {
  return fileURLToPath(new URL(`.auth/${who}.json`, import.meta.url));
}

/** A context's storage with nobody signed in: for tests inside a signed-in describe that need a stranger. */
export const SIGNED_OUT = { cookies: [], origins: [] };

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A page in its own browser context, signed in with the saved session of a demo login, on its home page. */
export async function pageAs(browser: Browser, who: Login, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(who), ...options });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/** A page in its own browser context, signed in afresh through the form (for users without a saved session). */
export async function freshPageAs(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.waitForLoadState("networkidle");
  return page;
}

/** The ids of the clients linked from the current page. */
export async function clientIdsOnPage(page: Page): Promise<string[]> {
  // After a client-side navigation the URL changes before the new list renders: wait for it.
  await page.locator('a[href^="/clients/"]').first().waitFor();
  const hrefs = await page.locator('a[href^="/clients/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // Only client pages (/clients/{uuid}), not /clients/new or sort links.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  return [...new Set(hrefs.map((h) => h.split(/[/?#]/)[2] ?? "").filter((id) => uuid.test(id)))];
}

/** The demo firm's zone (db/seed.ts): "today" on its pages is the date there, not the test machine's. */
export const FIRM_TIME_ZONE = "Asia/Dhaka";

/** The demo firm's calendar date `offsetDays` from now, YYYY-MM-DD. */
export function firmDay(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: FIRM_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** A YYYY-MM-DD date as the English pages show it (lib/i18n/format.ts formatDay), e.g. "Dec 1, 2026". */
export function shownDay(iso: string): string {
  return new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
