import { expect, test } from "@playwright/test";
import { pageAs } from "./helpers";

// The agreement page: the demo firm has overrides (db/seed.ts: Corner Books, Brightside Dental)
// and a self-assessment (Rosa's client), so both matrices have a linked cell. Other specs may add
// overrides meanwhile, so this checks what each cell says about its clients, not fixed counts.

const MATRICES = [
  { name: "Engine and consultants' overrides", cell: /^Inferred stage (\d), override stage (\d): (\d+) clients?$/ },
  { name: "Engine and clients' self-assessments", cell: /^Inferred stage (\d), self-assessment stage (\d): (\d+) clients?$/ },
];

test("a manager opens Agreement from the portfolio's sub-navigation and follows a cell to its clients", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/portfolio");
  await page.getByRole("navigation", { name: "Portfolio views" }).getByRole("link", { name: "Agreement" }).click();
  await expect(page).toHaveURL(/\/portfolio\/agreement$/);
  await expect(page.getByRole("heading", { level: 1, name: "Does the engine agree with people?" })).toBeVisible();
  for (const m of MATRICES) {
    const table = page.getByRole("table", { name: m.name });
    await expect(table).toBeVisible();
    await expect(table.getByRole("rowheader")).toHaveCount(6);
    await expect(table.getByRole("link").first()).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Agreement per consultant" })).toBeVisible();
  await expect(page.getByText("agree exactly").first()).toBeVisible();

  // The first linked cell of the override matrix lists clients with exactly those two stages.
  const cell = page.getByRole("table", { name: MATRICES[0]!.name }).getByRole("link").first();
  const label = (await cell.getAttribute("aria-label"))!;
  const [, inferred, other] = label.match(MATRICES[0]!.cell)!;
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/portfolio/agreement/clients\\?.*against=override.*inferred=${inferred}.*other=${other}`));
  await expect(page.getByRole("heading", { level: 1, name: `Inferred stage ${inferred}, override stage ${other}` })).toBeVisible();
  const rows = page.getByRole("table", { name: "Clients" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.locator("td").nth(2).locator(`[data-stage="${inferred}"]`)).toBeVisible();
    await expect(row.locator("td").nth(3).locator(`[data-stage="${other}"]`)).toBeVisible();
  }
  // A page past the end of the list (it shrank since its link was made) opens its last page.
  const count = await rows.count();
  const drillUrl = new URL(page.url());
  await page.goto(`${drillUrl.pathname}${drillUrl.search}&page=9`);
  await expect(page).toHaveURL((url) => url.pathname === drillUrl.pathname && !url.searchParams.has("page") && [...drillUrl.searchParams].every(([key, v]) => url.searchParams.get(key) === v));
  await expect(rows).toHaveCount(count);
  await page.getByRole("link", { name: "← Back to agreement" }).click();
  await expect(page).toHaveURL(/\/portfolio\/agreement$/);

  // The disagreements of the override comparison: Corner Books' override (stage 4) differs from its inference.
  await page.getByRole("link", { name: /^Clients whose override differs/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clients whose override differs from the inferred stage" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Clients" }).getByRole("link", { name: "Corner Books" })).toBeVisible();
});

test("the filters narrow the page to one consultant, and an unknown drill is not found", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/portfolio/agreement");
  await page.getByLabel("Consultant", { exact: true }).selectOption({ label: "Tom Okafor" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/portfolio\/agreement\?consultant=/);
  const consultants = page.getByRole("table", { name: "Agreement per consultant" }).locator("tbody tr");
  await expect(consultants).toHaveCount(1);
  await expect(consultants.first()).toContainText("Tom Okafor");
  expect((await page.request.get("/portfolio/agreement/clients?against=nope")).status()).toBe(404);
  expect((await page.request.get("/portfolio/agreement/clients?against=self&inferred=9")).status()).toBe(404);
});

test("the page fits a 375 px phone, the matrices scrolling inside their own region", async ({ browser }) => {
  const page = await pageAs(browser, "manager", { viewport: { width: 375, height: 800 } });
  await page.goto("/portfolio/agreement");
  await expect(page.getByRole("table", { name: MATRICES[1]!.name })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("a consultant cannot open the agreement page", async ({ browser }) => {
  const page = await pageAs(browser, "consultant");
  expect((await page.request.get("/portfolio/agreement")).status()).toBe(404);
  expect((await page.request.get("/portfolio/agreement/clients?against=override")).status()).toBe(404);
});
