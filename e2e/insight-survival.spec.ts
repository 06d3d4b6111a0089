import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authFile, pageAs } from "./helpers";

// Time in stage as Kaplan–Meier curves on /portfolio (#13), and its API. Read-only on the demo
// data, apart from one API token that is revoked at the end.
test.use({ storageState: authFile("manager") });

const STAGES = [1, 2, 3, 4, 5, 6];

test("a manager sees the survival chart, switches stage by keyboard, opens its data and sees the completed-spells footnote", async ({ page }) => {
  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { name: "Time in stage", exact: true })).toBeVisible();
  const figure = page.getByRole("figure", { name: "Time in stage", exact: true });
  await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(figure.locator(".recharts-line-curve").first()).toBeAttached();
  await expect(figure.locator(".recharts-area-area").first()).toBeAttached();

  const picker = page.getByRole("group", { name: "Stage to show" });
  await expect(picker.getByRole("button")).toHaveCount(6);
  await expect(picker.getByRole("button", { pressed: true })).toHaveCount(1);
  const shown = ((await picker.getByRole("button", { pressed: true }).textContent()) ?? "").trim();
  const other = shown === "Stage 3" ? "Stage 4" : "Stage 3";
  const target = picker.getByRole("button", { name: other, exact: true });
  await target.focus();
  await page.keyboard.press("Enter");
  await expect(target).toHaveAttribute("aria-pressed", "true");
  await expect(picker.getByRole("button", { name: shown, exact: true })).toHaveAttribute("aria-pressed", "false");
  // The summary names the stage now shown and its median (a number of days, or not reached) — unless it had no stays.
  const summary = page.locator('[aria-live="polite"]').filter({ hasText: `${other}:` });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/Median: (\d[\d,]* days?|not reached)|No client was in this stage/);

  await figure.getByText("Show data", { exact: true }).click();
  const all = figure.getByRole("table", { name: "All stages" });
  await expect(all).toBeVisible();
  await expect(all.locator("tbody tr")).toHaveCount(6);

  await expect(figure.getByText("For comparison: completed spells only")).toBeVisible();
  const completed = figure.getByRole("table", { name: "Completed spells only" });
  await expect(completed).toBeVisible();
  // Each footnote row still drills to the clients whose spells ended in the range.
  await completed.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/portfolio\/clients\?.*spell=\d/);
});

test("on a 375 px phone the stage buttons wrap and the page does not scroll sideways", async ({ browser }) => {
  const page = await pageAs(browser, "manager", { viewport: { width: 375, height: 812 } });
  await page.goto("/portfolio");
  const picker = page.getByRole("group", { name: "Stage to show" });
  await picker.scrollIntoViewIfNeeded();
  for (const s of STAGES) await expect(picker.getByRole("button", { name: `Stage ${s}`, exact: true })).toBeInViewport();
  await picker.getByRole("button", { name: "Stage 2", exact: true }).click();
  await expect(picker.getByRole("button", { name: "Stage 2", exact: true })).toHaveAttribute("aria-pressed", "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});

test("GET /api/v1/portfolio/time-in-stage answers six stages, to the session and to a token; a consultant gets 404", async ({ page, browser, baseURL }) => {
  await page.goto("/portfolio");
  const res = await page.request.get("/api/v1/portfolio/time-in-stage");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.stages.map((s: { stage: number }) => s.stage)).toEqual(STAGES);
  for (const s of body.stages) {
    expect(s.curve[0]).toEqual({ day: 0, survival: 1, at_risk: s.spells, lower: 1, upper: 1 });
    expect(s.events + s.censored).toBe(s.spells);
    expect(s.forward_exits).toBeLessThanOrEqual(s.events);
    expect(s.median_days === null || Number.isInteger(s.median_days)).toBe(true);
    for (const p of s.curve) expect(p.lower <= p.survival && p.survival <= p.upper).toBe(true);
  }
  expect(body.stages.reduce((t: number, s: { spells: number }) => t + s.spells, 0)).toBeGreaterThan(0);

  const minted = await page.request.post("/api/v1/tokens", { data: { name: `e2e survival ${Date.now()}`, expiresInDays: 1 } });
  expect(minted.status()).toBe(201);
  const { id, token } = await minted.json();
  const api = await playwrightRequest.newContext({ baseURL });
  const withToken = await api.get("/api/v1/portfolio/time-in-stage?industry=no-such-industry", { headers: { Authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  const empty = await withToken.json();
  expect(empty.filters.industry).toBe("no-such-industry");
  expect(empty.stages.map((s: { spells: number; median_days: null }) => [s.spells, s.median_days])).toEqual(STAGES.map(() => [0, null]));
  const bad = await api.get("/api/v1/portfolio/time-in-stage?from=2026-02-01&to=2026-01-01", { headers: { Authorization: `Bearer ${token}` } });
  expect(bad.status()).toBe(400);
  expect((await api.delete(`/api/v1/tokens/${id}`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
  await api.dispose();

  const consultant = await browser.newContext({ storageState: authFile("consultant") });
  const denied = await consultant.request.get("/api/v1/portfolio/time-in-stage");
  expect(denied.status()).toBe(404);
  await consultant.close();
});
