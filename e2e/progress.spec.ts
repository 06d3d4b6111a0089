import { expect, test } from "@playwright/test";
import { firmDay, pageAs } from "./helpers";

test("a client sees their journey, answers the closing question, and their consultant sees the answer", async ({ browser }) => {
  const page = await pageAs(browser, "client2");
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole("heading", { name: "Harbor Bikes" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Where you are now" }).locator("[data-stage]")).toBeVisible();
  await expect(page.getByRole("img", { name: "Your stage over time" }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Milestones" }).getByRole("listitem").first()).toContainText("first reached on");
  await expect(page.getByRole("region", { name: "What you do well now" }).getByRole("listitem").first()).toBeVisible();

  const note = "We post every Tuesday now";
  await page.getByLabel("Anything you want to add?").fill(note);
  await page.getByRole("button", { name: /^Stage 4/ }).click();
  await expect(page.getByTestId("self-answer")).toContainText("You said stage 4 on");
  await expect(page.getByTestId("self-answer").locator(`time[datetime="${firmDay(0)}"]`)).toBeVisible();
  await expect(page.getByTestId("self-answer")).toContainText(note);

  // Print: navigation and forms are hidden.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: /^Stage 4/ })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const consultant = await pageAs(browser, "consultant2");
  await consultant.getByRole("link", { name: "Harbor Bikes", exact: true }).click();
  await expect(consultant.getByRole("heading", { name: "Harbor Bikes" })).toBeVisible();
  await expect(consultant.getByTestId("self-assessment")).toHaveAttribute("data-stage", "4");
});

test("the progress page fits a phone screen", async ({ browser }) => {
  const page = await pageAs(browser, "client2", { viewport: { width: 390, height: 844 } });
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole("button", { name: /^Stage 1/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("a client never sees another client's progress or the staff pages", async ({ browser }) => {
  const page = await pageAs(browser, "client2");
  await page.goto("/progress");
  await expect(page.getByText("Rosa's Bakery")).toHaveCount(0);
  expect((await page.goto("/portfolio"))?.status()).toBe(404);
});
