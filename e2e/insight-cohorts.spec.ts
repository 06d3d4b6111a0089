import { expect, test } from "@playwright/test";
import { pageAs } from "./helpers";

// The cohort page (#13) on the demo firm: clients grouped by the month of their first check-in,
// the share at stage 4+ per month since, as a triangle table and a line chart, each cell drilling
// to its clients. The demo firm has several cohorts in the default range (tests/integration/cohorts.test.ts).

const TRIANGLE = "Share at stage 4 or above, by months since the first check-in";
const CELL = /^(\d+)%: (\d+) of (\d+) clients of the (.+) cohort at stage 4 or above in month (\d+)$/;

test("a manager opens the cohorts from the sub-navigation, sees the table and the chart, and follows a cell to its clients", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/portfolio");
  await page.getByRole("navigation", { name: "Portfolio views" }).getByRole("link", { name: "Cohorts" }).click();
  await expect(page).toHaveURL(/\/portfolio\/cohorts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cohorts" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Portfolio views" }).getByRole("link", { name: "Cohorts" })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: TRIANGLE });
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(table.getByRole("rowheader").first()).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Month 0" })).toBeAttached();

  const chart = page.getByRole("figure", { name: "Cohorts over time" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(chart.locator(".recharts-line").first()).toBeAttached();
  await expect(chart.getByRole("list", { name: "Cohorts" }).getByRole("listitem").first()).toBeVisible();
  await chart.getByText("Show data").click();
  await expect(chart.getByRole("region", { name: /Cohorts over time/ })).toBeVisible();

  // The first row's first cell: month 0 of the oldest cohort.
  const cell = rows.first().getByRole("link").first();
  const label = (await cell.getAttribute("aria-label"))!;
  const m = label.match(CELL);
  expect(m, label).not.toBeNull();
  const [, , reached, clients, cohort, k] = m!;
  await cell.click();
  await expect(page).toHaveURL(/\/portfolio\/cohorts\/clients\?.*cohort=\d{4}-\d{2}.*k=0/);
  await expect(page.getByRole("heading", { level: 1, name: `${cohort} cohort, month ${k}` })).toBeVisible();
  const list = page.getByRole("table", { name: "Clients of the cohort" }).locator("tbody tr");
  await expect(list).toHaveCount(Number(clients));
  await expect(list.filter({ has: page.getByRole("cell", { name: "Yes", exact: true }) })).toHaveCount(Number(reached));
  await expect(list.first().getByRole("link")).toHaveAttribute("href", /^\/clients\/[0-9a-f-]{36}$/);
  // A page past the end of the cell (it shrank since its link was made) opens its last page.
  const drillUrl = new URL(page.url());
  await page.goto(`${drillUrl.pathname}${drillUrl.search}&page=9`);
  await expect(page).toHaveURL((url) => url.pathname === drillUrl.pathname && !url.searchParams.has("page") && [...drillUrl.searchParams].every(([key, v]) => url.searchParams.get(key) === v));
  await expect(list).toHaveCount(Number(clients));

  await page.getByRole("link", { name: "← Back to the cohorts" }).click();
  await expect(page).toHaveURL(/\/portfolio\/cohorts\?.*from=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("table", { name: TRIANGLE })).toBeVisible();
});

test("the cohort filters stay on the cohort page and narrow the cohorts", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/portfolio/cohorts");
  const sizes = async () => {
    const cells = await page.getByRole("table", { name: TRIANGLE }).locator("tbody tr td:first-of-type").allTextContents();
    return cells.map(Number).reduce((a, b) => a + b, 0);
  };
  const triangle = page.getByRole("table", { name: TRIANGLE });
  const empty = page.getByText("No client had a first check-in in this range.");
  // The triangle streams in after the page's shell: read it once it is there (a read before it
  // counted 0 clients, and the filtered page's 1 then looked like more).
  await expect(triangle.locator("tbody tr").first()).toBeVisible();
  const all = await sizes();
  expect(all).toBeGreaterThan(0);
  await page.getByLabel("Consultant", { exact: true }).selectOption({ label: "Tom Okafor" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/portfolio\/cohorts\?.*consultant=/);
  await expect(triangle.or(empty)).toBeVisible();
  if (!(await empty.isVisible())) {
    await expect(triangle.locator("tbody tr").first()).toBeVisible();
    expect(await sizes()).toBeLessThan(all);
  }
});

test("a cell outside the triangle is a 404, and so is the page for a consultant", async ({ browser }) => {
  const manager = await pageAs(browser, "manager");
  expect((await manager.goto("/portfolio/cohorts/clients?cohort=1999-01&k=0"))?.status()).toBe(404);
  expect((await manager.goto("/portfolio/cohorts/clients?cohort=2026-01&k=x"))?.status()).toBe(404);
  const consultant = await pageAs(browser, "consultant2");
  for (const path of ["/portfolio/cohorts", "/portfolio/cohorts/clients?cohort=2026-01&k=0"]) {
    expect((await consultant.goto(path))?.status(), path).toBe(404);
  }
});

test("on a phone the triangle scrolls inside its own region and the page does not", async ({ browser }) => {
  const page = await pageAs(browser, "manager", { viewport: { width: 375, height: 740 } });
  await page.goto("/portfolio/cohorts");
  await expect(page.getByRole("region", { name: TRIANGLE })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
