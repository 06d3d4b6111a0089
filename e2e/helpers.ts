import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "stageline-demo";

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A signed-in page in its own browser context (its own cookies). */
export async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
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
