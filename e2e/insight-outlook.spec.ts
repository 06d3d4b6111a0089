import { expect, test } from "@playwright/test";
import { pageAs } from "./helpers";

// The outlook sentence (client page and API) for staff; "what usually helps" on the client's own
// page, with no figures. Stonegate Builders is a demo client of consultant2's in stage 3 that no
// other spec changes; the demo firm is small, so its outlook comes from all firms' aggregates.
const SENTENCE = /Of \d+ clients? who (was|were) in stage [1-5] for this long, \d+% moved on within the next 90 days; typical remaining time (more than )?\d+ days?\./;

test("a consultant and a manager see the outlook sentence and its source on a client page; the API agrees", async ({ browser }) => {
  const consultant = await pageAs(browser, "consultant2");
  await consultant.goto("/clients");
  await consultant.getByRole("link", { name: "Stonegate Builders", exact: true }).click();
  await expect(consultant.getByRole("heading", { name: "Stonegate Builders" })).toBeVisible();
  const card = consultant.getByRole("region", { name: "Outlook" });
  await expect(card.getByTestId("outlook-sentence")).toHaveText(SENTENCE);
  await expect(card).toContainText(/Based on (this firm's clients|clients of all firms, because this firm has fewer than 30 comparable)\./);
  const id = new URL(consultant.url()).pathname.split("/").at(-1)!;

  const api = await consultant.request.get(`/api/v1/clients/${id}/outlook`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body).toMatchObject({ stage: 3, unavailable: null });
  expect(["firm", "all-firms"]).toContain(body.source);
  expect(body.moved_on_within_90_days).toBeGreaterThanOrEqual(0);
  expect(body.moved_on_within_90_days).toBeLessThanOrEqual(1);
  await expect(card).toContainText(`Of ${body.comparable} client`);

  const manager = await pageAs(browser, "manager");
  await manager.goto(`/clients/${id}`);
  await expect(manager.getByRole("region", { name: "Outlook" }).getByTestId("outlook-sentence")).toHaveText(SENTENCE);
  // The portfolio lists overdue clients with the other attention lists.
  await manager.goto("/portfolio");
  await expect(manager.getByRole("region", { name: "Overdue: far longer in stage than usual" })).toBeVisible();

  // A client user gets no outlook, not even through the API.
  const client = await pageAs(browser, "client2");
  expect((await client.request.get(`/api/v1/clients/${id}/outlook`)).status()).toBe(404);
});

test("a client sees what usually helps at their stage, in words and without figures", async ({ browser }) => {
  const page = await pageAs(browser, "client2");
  await expect(page).toHaveURL(/\/progress$/);
  const helps = page.getByRole("region", { name: "What usually helps at your stage" });
  await expect(helps).toBeVisible();
  expect(await helps.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(helps).not.toContainText("%");
  await expect(helps).not.toContainText(/\d/);
  await expect(page.getByRole("region", { name: "Outlook" })).toHaveCount(0);
});
