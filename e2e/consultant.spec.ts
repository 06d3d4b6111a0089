import { expect, test, type Page } from "@playwright/test";
import { authFile, firmDay, shownDay } from "./helpers";

// The consultant's day: a new client, three check-ins through the form, the timeline, an edit,
// an override; a check-in by keyboard only; and the page of a long history.
// (The screenshots in docs/ are made on demand by `npm run screenshots`, not by the tests.)

// Dates as the demo firm sees them (Asia/Dhaka), since "today" is the user's local date.
const day = (offset: number) => firmDay(offset);
const unique = (name: string) => `${name} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createClient(page: Page, name: string): Promise<string> {
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2];
}

// Priya (consultant) throughout, through the session saved by auth.setup.ts.
test.use({ storageState: authFile("consultant") });

const timeline = (page: Page) => page.getByTestId("stage-timeline");
const flash = (page: Page) => page.getByTestId("flash");

test("a consultant logs three check-ins that move a new client from stage 1 to 2, edits one, overrides and deletes", async ({ page, browser }) => {
  test.setTimeout(150_000); // a dozen page loads on a busy machine
  await page.goto("/clients");
  const name = unique("E2E Corner Shop");
  const clientId = await createClient(page, name);

  await expect(page.getByText("No check-ins yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/export?format=csv&client=${clientId}`);
  await expect(page.getByRole("link", { name: "Export JSON" })).toHaveAttribute("href", `/export?format=json&client=${clientId}`);
  await page.getByRole("link", { name: "Log the first check-in" }).click();
  await expect(page.getByRole("heading", { name: "Log a check-in" })).toBeVisible();
  await expect(page.getByLabel("Date of the check-in")).toHaveValue(day(0));
  await expect(page.getByLabel("Keep this note internal")).toBeChecked();

  // A mistake first: the error shows at the field, nothing is saved.
  await page.getByLabel("Date of the check-in").fill(day(-60));
  await page.getByLabel("Posts in the last 30 days").fill("-4");
  await page.getByRole("button", { name: "Save check-in" }).click();
  const posts = page.getByLabel("Posts in the last 30 days");
  await expect(posts).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#posts_last_30d-error")).toHaveText("Posts can't be negative.");
  await expect(page.locator("#rhythm-error")).toHaveText("Choose the posting rhythm.");
  await expect(page.getByLabel("Posting rhythm")).toHaveAttribute("aria-describedby", /rhythm-error/);
  await expect(page.getByLabel("Date of the check-in")).toHaveValue(day(-60)); // what was typed is kept

  // 1: no accounts, nothing posted, dismissive.
  await posts.fill("0");
  await page.getByLabel("Posting rhythm").selectOption("none");
  await page.getByLabel("Replies to the audience").selectOption("none");
  await page.getByLabel("Results", { exact: true }).selectOption("none");
  await page.getByLabel("Owner's attitude").selectOption("dismissive");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}\\?saved=created`));
  await expect(flash(page)).toContainText("Inferred stage now: Stage 1");
  await expect(page.getByTestId("inferred-stage")).toHaveAttribute("data-stage", "1");
  await expect(timeline(page)).toHaveAttribute("data-points", "1");

  // 2: prefilled from the last one; only the date changes.
  await page.getByRole("link", { name: "Log a check-in" }).click();
  await expect(page.getByText(`Prefilled from the check-in of ${shownDay(day(-60))}`)).toBeVisible();
  await expect(page.getByLabel("Posts in the last 30 days")).toHaveValue("0");
  await expect(page.getByLabel("Owner's attitude")).toHaveValue("dismissive");
  await page.getByLabel("Date of the check-in").fill(day(-30));
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(flash(page)).toContainText("The client stays at stage 1.");
  await expect(timeline(page)).toHaveAttribute("data-points", "2");

  // 3: accounts open, a few automated posts, hopeful: stage 2.
  await page.getByRole("link", { name: "Log a check-in" }).click();
  await page.getByRole("checkbox", { name: "Facebook" }).check();
  await page.getByRole("checkbox", { name: "Blog" }).check();
  await page.getByLabel("Posts in the last 30 days").fill("3");
  await page.getByLabel("Posting rhythm").selectOption("sporadic");
  await page.getByLabel("Share of posts sent automatically").fill("70");
  await page.getByLabel("Owner's attitude").selectOption("hopeful");
  await expect(page.getByText(/Changed since the last check-in: .*Posts in the last 30 days/)).toBeVisible();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(flash(page)).toContainText("The client moved from stage 1 to 2.");
  await expect(page.getByTestId("inferred-stage")).toHaveAttribute("data-stage", "2");
  await expect(timeline(page)).toHaveAttribute("data-points", "3");
  await expect(timeline(page)).toHaveAttribute("data-latest-stage", "2");
  await timeline(page).scrollIntoViewIfNeeded(); // the drawing loads when near the screen
  await expect(timeline(page).locator("svg.recharts-surface circle[data-kind=inferred]")).toHaveCount(3);
  const rows = page.getByTestId("checkin-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(shownDay(day(0))); // newest first
  await expect(rows.first()).toContainText("Priya Raman");

  // Edit the latest; a second tab holding the old version then gets the conflict, not an overwrite.
  const stale = await browser.newContext({ storageState: await page.context().storageState() }).then((c) => c.newPage());
  await page.getByRole("link", { name: `Edit the check-in of ${shownDay(day(0))}` }).click();
  await expect(page).toHaveURL(/\/checkins\/[0-9a-f-]{36}\/edit$/);
  const editUrl = page.url();
  await stale.goto(editUrl);
  await page.getByLabel("Posts in the last 30 days").fill("5");
  await expect(page.getByText(/Changed in this edit: Posts in the last 30 days/)).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(flash(page)).toContainText("Check-in updated.");
  await expect(rows.first()).toContainText("5");
  await stale.getByLabel("Posts in the last 30 days").fill("9");
  await stale.getByRole("button", { name: "Save changes" }).click();
  await expect(stale.getByText("This check-in was changed by someone else")).toBeVisible();
  await expect(stale.getByLabel("Posts in the last 30 days")).toHaveValue("9");
  await stale.getByRole("link", { name: "Reload the latest version" }).click();
  await expect(stale.getByLabel("Posts in the last 30 days")).toHaveValue("5");
  await stale.context().close();

  // Override beside the inference, then withdraw it.
  await page.getByText("Override the inferred stage").click();
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page.locator("#ovr-reason-error")).toBeVisible();
  await page.getByLabel("Stage you judge the client to be in").selectOption("3");
  await page.getByLabel("Reason", { exact: true }).fill("Owner is already frustrated: three months of posting with nothing back.");
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(flash(page)).toContainText("Override saved.");
  await expect(page.getByTestId("override")).toHaveAttribute("data-stage", "3");
  await expect(page.getByTestId("inferred-stage")).toHaveAttribute("data-stage", "2"); // beside, not instead
  await expect(page.getByTestId("override")).toContainText("Differs from the inference");
  await expect(timeline(page).locator("path[data-kind=override]")).toHaveCount(1);
  await page.getByRole("button", { name: "Withdraw override" }).click();
  await page.getByRole("button", { name: "Confirm withdrawal" }).click();
  await expect(flash(page)).toContainText("Override withdrawn.");
  await expect(page.getByTestId("override")).toHaveAttribute("data-stage", "");

  // Delete asks first.
  await page.getByRole("link", { name: `Delete the check-in of ${shownDay(day(-60))}` }).click();
  await expect(page.getByRole("heading", { name: `Delete the check-in of ${shownDay(day(-60))}?` })).toBeVisible();
  await page.getByRole("button", { name: "Delete check-in" }).click();
  await expect(flash(page)).toContainText("Check-in deleted.");
  await expect(rows).toHaveCount(2);
  await expect(timeline(page)).toHaveAttribute("data-points", "2");
});

/** Press Tab until the focused element matches; no mouse involved. */
async function tabTo(page: Page, pred: (el: Element) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(${pred.toString()})(document.activeElement)`)) return;
  }
  throw new Error("focus never reached the element");
}

test("a check-in can be logged with the keyboard alone", async ({ page }) => {
  await page.goto("/clients");
  await page.goto("/clients/new");
  const name = unique("E2E Keyboard Cafe");
  await tabTo(page, (el) => el.id === "name");
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);

  await tabTo(page, (el) => el.textContent === "Log the first check-in");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Log a check-in" })).toBeVisible();

  await tabTo(page, (el) => (el as HTMLInputElement).name === "accounts" && (el as HTMLInputElement).value === "instagram");
  await page.keyboard.press("Space");
  await tabTo(page, (el) => el.id === "posts_last_30d");
  await page.keyboard.type("2");
  await page.keyboard.press("Tab"); // rhythm
  await page.keyboard.type("Sporadic");
  await page.keyboard.press("Tab"); // automated share
  await page.keyboard.press("Tab"); // replies
  await page.keyboard.type("None");
  await page.keyboard.press("Tab"); // hours
  await page.keyboard.press("Tab"); // results
  await page.keyboard.type("None");
  await expect(page.getByRole("checkbox", { name: "Instagram" })).toBeChecked();
  await expect(page.getByLabel("Posting rhythm")).toHaveValue("sporadic");
  await expect(page.getByLabel("Replies to the audience")).toHaveValue("none");
  await expect(page.getByLabel("Results", { exact: true })).toHaveValue("none");
  await tabTo(page, (el) => el.textContent === "Save check-in");
  await page.keyboard.press("Enter");

  await expect(flash(page)).toContainText("Inferred stage now: Stage 2");
  await expect(page.getByTestId("inferred-stage")).toHaveAttribute("data-stage", "2");
  await expect(page.getByTestId("checkin-row")).toHaveCount(1);
});

test("the client page of a long history shows every check-in on the timeline and in the list", async ({ page }) => {
  await page.goto("/clients");
  const href = await page.getByRole("link", { name: "Rosa's Bakery", exact: true }).first().getAttribute("href");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "Rosa's Bakery" })).toBeVisible();
  const points = Number(await timeline(page).getAttribute("data-points"));
  expect(points).toBeGreaterThan(5);
  await expect(timeline(page).locator("circle[data-kind=inferred]")).toHaveCount(points);
  await expect(page.getByTestId("checkin-row")).toHaveCount(points);
});
