import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authFile, SIGNED_OUT } from "./helpers";

// Signed in as Priya (consultant) through the session saved by auth.setup.ts.
test.use({ storageState: authFile("consultant") });

test("a token made on the settings page is shown once, works without a cookie, and stops at revocation", async ({ page, baseURL }) => {
  await page.goto("/clients");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Manage your API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const name = `e2e token ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name); // not the time zone select's label, on the same page
  await page.getByLabel("Expires after (days)").fill("3");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^stl_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;

  const api = await playwrightRequest.newContext({ baseURL });
  const ok = await api.get("/api/v1/clients?limit=200", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.data.map((c: { name: string }) => c.name)).toContain("Rosa's Bakery");
  expect(body.data.map((c: { name: string }) => c.name)).not.toContain("Harbor Bikes");

  // Reloading never shows the secret again.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("button", { name: `Confirm: Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  const after = await api.get("/api/v1/clients", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthorized");
  await api.dispose();
});

test("the session cookie works same-origin and is refused cross-origin", async ({ page, baseURL }) => {
  await page.goto("/clients");
  const list = await page.request.get("/api/v1/clients?q=rosa");
  expect(list.status()).toBe(200);
  const rosa = (await list.json()).data[0];
  expect(rosa.name).toBe("Rosa's Bakery");

  const record = { date: "2026-01-02", posts_last_30d: 4, rhythm: "sporadic", replies: "some", results: "none", notes: `e2e ${Date.now()}` };
  const foreign = await page.request.post(`/api/v1/clients/${rosa.id}/checkins`, { data: record, headers: { Origin: "https://evil.example" } });
  expect(foreign.status()).toBe(401);
  expect((await foreign.json()).error.code).toBe("cross_origin");
  const stillSame = await page.request.get(`/api/v1/clients/${rosa.id}/checkins?limit=200`);
  expect(JSON.stringify(await stillSame.json())).not.toContain(record.notes);

  const same = await page.request.post(`/api/v1/clients/${rosa.id}/checkins`, { data: record, headers: { Origin: new URL(baseURL!).origin } });
  expect(same.status()).toBe(201);

  // A token can only be minted by the session, from our own origin.
  const minted = await page.request.post("/api/v1/tokens", { data: { name: "e2e minted", expiresInDays: 1 } });
  expect(minted.status()).toBe(201);
  const forged = await page.request.post("/api/v1/tokens", { data: { name: "forged", expiresInDays: 1 }, headers: { Origin: "https://evil.example" } });
  expect(forged.status()).toBe(401);
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("errors are JSON, never HTML; the reference page renders the OpenAPI document", async ({ page, request }) => {
    const unknown = await request.get("/api/v1/no-such-thing");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const anon = await request.get("/api/v1/clients");
    expect(anon.status()).toBe(401);
    expect(anon.headers()["content-type"]).toContain("application/json");
    const doc = await request.get("/api/v1/openapi.json");
    expect((await doc.json()).openapi).toBe("3.1.0");

    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "Stageline API" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /post\s*\/api\/v1\/clients\/\{id\}\/checkins/i })).toBeVisible();
    await expect(page.getByText("Idempotency-Key").first()).toBeVisible();
  });
});
