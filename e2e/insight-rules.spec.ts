import { expect, test } from "@playwright/test";
import { pageAs } from "./helpers";

// The Stage rules page (issue #13). It saves the demo firm's rules, which every other spec reads
// while they run in parallel, so it saves only a change that moves no demo client's current stage
// (a trial of 120 days instead of 90: the preview says so first), and returns to the defaults
// before it ends. The stronger change (a year's trial) is only previewed, never saved.

test("a manager previews new thresholds, saves them, watches them apply and returns to the defaults", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "manager");
  await page.goto("/portfolio/rules");
  await expect(page.getByRole("heading", { name: "Stage rules", level: 1 })).toBeVisible();
  const applied = page.getByTestId("rules-applied");
  await expect(applied).toHaveText(/In use: (the defaults|version \d+)/);

  const trial = page.getByLabel("Trial period (days)");
  await expect(trial).toHaveValue("90");
  await expect(page.getByText("From 14 to 365. Default 90.")).toBeVisible();

  // Bad input: a clear message at the field, and nothing saved.
  await trial.fill("5");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Enter 14 or more.")).toBeVisible();
  await expect(trial).toHaveAttribute("aria-invalid", "true");

  // A year's trial moves some demo clients back to stage 2: the preview lists them per move.
  await trial.fill("365");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("rules-preview");
  await expect(preview.getByRole("heading", { name: "What these rules would change" })).toBeVisible();
  await expect(preview.getByText(/current stages? would change/)).toBeVisible();
  const moves = preview.getByRole("region", { name: "Stage changes" });
  await expect(moves.getByRole("row")).not.toHaveCount(0);
  await moves.locator("summary").first().click();
  await expect(moves.locator('a[href^="/clients/"]').first()).toBeVisible();
  await expect(preview.getByRole("region", { name: "Agreement with people" }).getByRole("rowheader", { name: "Consultants' overrides" })).toBeVisible();

  // 120 days changes no current stage; save it.
  await trial.fill("120");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(preview.getByText(/^No client's current stage would change/)).toBeVisible();
  await page.getByRole("button", { name: "Save and apply" }).click();
  // The new version heads the history at once; the bar shows while the histories are recomputed
  // (it may finish before it is seen), then the version is in use.
  const history = page.getByRole("region", { name: "Saved versions" });
  const newest = history.getByRole("row").nth(1);
  await expect(newest).toContainText("Trial period (days): 120");
  await expect(newest).toContainText("Maya Chen");
  const saved = Number((await newest.getByRole("cell").first().textContent())!.match(/\d+/)![0]);
  await expect(page.getByTestId("rules-progress").or(page.getByText(`In use: version ${saved}`)).first()).toBeVisible();
  await expect(applied).toHaveText(`In use: version ${saved}`, { timeout: 60_000 });
  await expect(page.getByTestId("rules-progress")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByLabel("Trial period (days)")).toHaveValue("120");

  // Back to the defaults: a new version equal to them, applied the same way.
  await page.getByRole("button", { name: "Return to defaults" }).click();
  await expect(applied).toHaveText(`In use: version ${saved + 1}`, { timeout: 60_000 });
  await expect(page.getByTestId("rules-progress")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByLabel("Trial period (days)")).toHaveValue("90");
  await expect(history.getByRole("row").nth(1)).toContainText("The defaults");
  await page.context().close();
});

test("a consultant cannot reach the rules page", async ({ browser }) => {
  const page = await pageAs(browser, "consultant");
  const res = await page.goto("/portfolio/rules");
  expect(res?.status()).toBe(404);
  await page.context().close();
});
