import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { pageAs } from "./helpers";

// #10: the language follows the user's setting, else the browser; "today" is the user's local
// date. Each test makes its own user through the team page, so no saved session changes language.

const PASSWORD = "a-long-password-1";

async function newConsultant(browser: Browser, tag: string, context: BrowserContextOptions = {}): Promise<{ page: Page; email: string }> {
  const manager = await pageAs(browser, "manager");
  const email = `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await manager.goto("/team");
  const form = manager.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Name").fill(`E2E ${tag}`);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("consultant");
  await form.getByRole("button", { name: "Create invitation" }).click();
  const link = (await manager.getByTestId("invite-link").textContent())!.trim();
  await manager.context().close();
  const page = await (await browser.newContext(context)).newPage();
  await page.goto(link);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="confirm"]').fill(PASSWORD);
  await page.locator('form:has(input[name="confirm"]) button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
  await expect(page).toHaveURL(/\/clients$/);
  return { page, email };
}

test("a browser 13 hours ahead of UTC gets its own today in the form and saves it", async ({ browser }) => {
  const zone = "Pacific/Tongatapu";
  const { page } = await newConsultant(browser, "tongatapu", { timezoneId: zone });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(`Tonga Tapas ${Date.now()}`);
  await page.getByRole("button", { name: /create client/i }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}/);
  await page.goto(`${page.url().split("?")[0]}/checkins/new`);
  await expect(page.locator('input[name="date"]')).toHaveValue(today);
  await page.locator('input[name="posts_last_30d"]').fill("3");
  await page.locator('select[name="rhythm"]').selectOption("sporadic");
  await page.locator('select[name="replies"]').selectOption("none");
  await page.locator('select[name="results"]').selectOption("none");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page).toHaveURL(/saved=created/);
});

test("the settings form switches the language (and <html lang>) from the next request, and back", async ({ browser }) => {
  const { page } = await newConsultant(browser, "language");
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.locator('select[name="locale"]').selectOption("bn");
  await page.locator('select[name="timeZone"]').selectOption("Asia/Dhaka");
  await page.locator('select[name="locale"]').locator("xpath=ancestor::form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("preferences-saved")).toBeVisible();
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("সেটিংস");
  await page.locator('select[name="locale"]').selectOption("en");
  await page.locator('select[name="locale"]').locator("xpath=ancestor::form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("preferences-saved")).toBeVisible();
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("signed out, the language follows the browser, and the switch changes it", async ({ browser }) => {
  const bengali = await (await browser.newContext({ locale: "bn-BD" })).newPage();
  await bengali.goto("/sign-in");
  await expect(bengali.locator("html")).toHaveAttribute("lang", "bn");
  await expect(bengali.locator('label[for="email"]')).toHaveText("ইমেইল");

  const english = await (await browser.newContext({ locale: "en-US" })).newPage();
  await english.goto("/sign-in");
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await english.getByRole("button", { name: "Switch to বাংলা" }).click();
  await expect(english.locator("html")).toHaveAttribute("lang", "bn");
  await expect(english.locator('label[for="email"]')).toHaveText("ইমেইল");
});
