import { expect, test } from "@playwright/test";
import { authFile } from "./helpers";

// The main journeys in Bengali (#10): the browser asks for Bengali and the demo logins have no
// language setting of their own, so the pages answer in Bengali. Controls are found by their
// names and roles, not by English text.

test.use({ locale: "bn-BD" });

test.describe("a consultant, in Bengali", () => {
  test.use({ storageState: authFile("consultant") });

  test("creates a client and logs its first check-in", async ({ page }) => {
    await page.goto("/clients/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "bn");
    await page.locator('input[name="name"]').fill(`বাংলা দোকান ${Date.now()}`);
    await page.locator('form:has(input[name="name"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}/);
    const clientUrl = page.url().split("?")[0]!;
    await page.goto(`${clientUrl}/checkins/new`);
    await page.locator('input[name="posts_last_30d"]').fill("5");
    await page.locator('select[name="rhythm"]').selectOption("sporadic");
    await page.locator('select[name="replies"]').selectOption("some");
    await page.locator('select[name="results"]').selectOption("none");
    await page.locator('form:has(select[name="rhythm"]) button[type="submit"]').last().click();
    await expect(page).toHaveURL(/saved=created/);
    await expect(page.getByTestId("flash")).toBeVisible();
    await expect(page.getByTestId("inferred-stage")).toHaveAttribute("data-stage", /[1-6]/);
    // The page speaks Bengali: the stage word and digits.
    await expect(page.locator("main")).toContainText("ধাপ");
  });
});

test.describe("a manager, in Bengali", () => {
  test.use({ storageState: authFile("manager") });

  test("filters the portfolio and drills down to the clients behind a bar", async ({ page }) => {
    await page.goto("/portfolio");
    await expect(page.locator("html")).toHaveAttribute("lang", "bn");
    const consultant = page.locator('select[name="consultant"]');
    const value = await consultant.locator("option").nth(1).getAttribute("value");
    await consultant.selectOption(value!);
    await page.locator('form:has(select[name="consultant"]) button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`consultant=${value}`));
    const drill = page.locator('a[href^="/portfolio/clients?"]').first();
    // Followed by its address: a chart's tooltip may lie over a bar, which is not what this checks.
    const href = await drill.getAttribute("href");
    expect(href).toContain(`consultant=${value}`);
    await page.goto(href!);
    await expect(page).toHaveURL(/\/portfolio\/clients\?/);
    await expect(page.locator("html")).toHaveAttribute("lang", "bn");
    await expect(page.locator('main a[href^="/clients/"]').first()).toBeVisible();
  });
});

test.describe("a client, in Bengali", () => {
  test.use({ storageState: authFile("client") });

  test("answers the closing question: which stage are you in?", async ({ page }) => {
    await page.goto("/progress");
    await expect(page.locator("html")).toHaveAttribute("lang", "bn");
    await page.locator('button[name="stage"][value="3"]').click();
    await expect(page.locator('button[name="stage"][value="3"]')).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("self-answer")).toContainText("৩");
  });
});
