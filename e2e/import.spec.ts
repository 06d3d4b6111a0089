import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pageAs, shownDay } from "./helpers";

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const client = `E2E Import Deli ${suffix}`;

function day(monthsAgo: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - monthsAgo, 10);
  return d.toISOString().slice(0, 10);
}

function csv(rhythmOfSecond: string): Buffer {
  return Buffer.from(
    [
      "client,date,accounts,posts_last_30d,rhythm,automated_share,replies,results,notes",
      `${client},${day(5)},,0,none,0,none,none,"Says customers come in, why tweet"`,
      `${client},${day(3)},facebook;blog,3,${rhythmOfSecond},0.7,none,none,Blog synced to Facebook`,
      `${client},${day(1)},facebook;blog;x,5,sporadic,0.5,some,none,`,
    ].join("\n") + "\n",
  );
}

test("a consultant imports a CSV: a bad line is reported and nothing imported; fixed, it imports after a preview; then exports it", async ({ browser }) => {
  const page = await pageAs(browser, "consultant");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import check-ins" })).toBeVisible();

  // One bad line: its line number and column are shown, and nothing is imported.
  await page.getByLabel("Check-in file (CSV or JSON)").setInputFiles({ name: "checkins.csv", mimeType: "text/csv", buffer: csv("weekly") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { name: /Nothing was imported: the file has 1 problem/ })).toBeVisible();
  const problems = page.getByRole("list", { name: "Problems in the file" }).getByRole("listitem");
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toHaveText(/^line 3, column rhythm: "weekly" is not allowed here: write one of none, sporadic, or scheduled\./);
  await expect(page.getByRole("button", { name: /^Import \d+ check-ins/ })).toHaveCount(0);
  await page.goto(`/clients?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByText("No clients match these filters")).toBeVisible();

  // Fixed: preview first, then confirm.
  await page.goto("/import");
  await page.getByLabel("Check-in file (CSV or JSON)").setInputFiles({ name: "checkins.csv", mimeType: "text/csv", buffer: csv("sporadic") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { name: "Preview of checkins.csv" })).toBeVisible();
  await expect(page.getByTestId("preview-records")).toHaveText("3");
  await expect(page.getByTestId("preview-to-create")).toHaveText("3");
  await expect(page.getByRole("list", { name: "New clients" })).toContainText(client);
  await page.getByRole("button", { name: "Import 3 check-ins" }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(page.getByText("3 check-ins added")).toBeVisible();
  await expect(page.getByText("1 new clients created")).toBeVisible();

  // The same file again adds nothing: every line is a duplicate.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Check-in file (CSV or JSON)").setInputFiles({ name: "checkins.csv", mimeType: "text/csv", buffer: csv("sporadic") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("preview-duplicates")).toHaveText("3");
  await expect(page.getByRole("button", { name: "Nothing new to import" })).toBeDisabled();

  // The new client is in the list with a stage.
  await page.goto(`/clients?q=${encodeURIComponent(suffix)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: client }) });
  await expect(row).toBeVisible();
  await expect(row.locator("[data-stage]")).toBeVisible();
  await expect(row.getByText(shownDay(day(1)))).toBeVisible();

  // Export as CSV: the download holds the imported rows.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.split("\n")[0]).toBe("client,date,consultant,accounts,accounts_since,posts_last_30d,rhythm,automated_share,replies,promotion,results,tools,mention_response_hours,advocacy,attitude,followers,notes");
  expect(text).toContain(`${client},${day(5)},consultant@example.com,,,0,none,0,none,none,none,,,none,,,"Says customers come in, why tweet"`);
  expect(text).toContain(`${client},${day(3)},consultant@example.com,facebook;blog,`);
  expect(text).toContain(`${client},${day(1)},consultant@example.com,facebook;blog;x,`);
  expect(text).toContain("Rosa's Bakery,");
  expect(text).not.toContain("Harbor Bikes");
});

test("export answers 401 when signed out, 400 for a bad format and 404 for a client the user cannot see", async ({ browser, request }) => {
  // The same handler as /api/v1/export: signed out is 401, in the API's error shape.
  expect((await request.get("/export?format=csv")).status()).toBe(401);
  const page = await pageAs(browser, "consultant2");
  await page.goto(`/clients`);
  const harborHref = await page.getByRole("link", { name: "Harbor Bikes", exact: true }).getAttribute("href");
  const harborId = harborHref!.split("/")[2];
  const bad = await page.request.get("/export?format=xml");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "bad_request", details: [{ column: "format" }] } });
  const ok = await page.request.get(`/export?format=json&client=${harborId}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toContain("application/json");
  expect(ok.headers()["content-disposition"]).toMatch(/^attachment; filename="harbor-bikes-/);
  const rows = (await ok.json()) as { client: string }[];
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.client))).toEqual(new Set(["Harbor Bikes"]));

  const priya = await pageAs(browser, "consultant");
  expect((await priya.request.get(`/export?format=csv&client=${harborId}`)).status()).toBe(404);
});

test("the import page's link to the export downloads nothing until it is clicked", async ({ browser }) => {
  // The export is a route handler: a prefetch of it would run the whole firm's export and throw it away.
  const page = await pageAs(browser, "consultant");
  const exports: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/export") exports.push(r.url());
  });
  await page.goto("/import");
  const link = page.locator("main a[href^='/export']");
  await expect(link).toBeVisible();
  await link.hover();
  await link.focus();
  // A prefetch starts on hover or focus; two seconds is ample, and unlike "networkidle" it cannot
  // wait out the test on a connection the browser keeps open.
  await page.waitForTimeout(2000);
  expect(exports).toEqual([]);
  const download = page.waitForEvent("download");
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await page.context().close();
});

test("a preview of a file with hundreds of new clients lists 200 of them and counts the rest", async ({ browser }) => {
  const page = await pageAs(browser, "consultant");
  await page.goto("/import");
  const rows = Array.from({ length: 205 }, (_, i) => `E2E Bulk ${suffix} ${String(i).padStart(3, "0")},${day(2)},facebook,2,sporadic,0,none,none,`);
  const file = Buffer.from(["client,date,accounts,posts_last_30d,rhythm,automated_share,replies,results,notes", ...rows].join("\n") + "\n");
  await page.getByLabel("Check-in file (CSV or JSON)").setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("heading", { name: "Preview of bulk.csv" })).toBeVisible();
  await expect(page.getByText("New clients to create (205)")).toBeVisible();
  await expect(page.getByRole("list", { name: "New clients" }).getByRole("listitem")).toHaveCount(200);
  await expect(page.getByText("…and 5 more.")).toBeVisible();
  // Only a preview: nothing was written.
  await page.goto(`/clients?q=${encodeURIComponent(`E2E Bulk ${suffix}`)}`);
  await expect(page.getByText("No clients match these filters")).toBeVisible();
});
