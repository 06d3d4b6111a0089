import { expect, test } from "@playwright/test";
import { clientIdsOnPage, freshPageAs, pageAs, signIn } from "./helpers";

// These specs test signing in itself, so they sign in through the form; the rest reuse the
// sessions saved by auth.setup.ts. Sign-out and deactivation use users without a saved session
// (consultant3, consultant4), so they cannot end a session another spec relies on.

test.describe("sign-in lands each role on its own page", () => {
  test("a manager lands on the portfolio", async ({ page }) => {
    await signIn(page, "manager@example.com");
    await expect(page).toHaveURL(/\/portfolio$/);
    await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Priya Raman/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rosa's Bakery", exact: true }).first()).toBeVisible();
  });

  test("a consultant lands on their clients", async ({ page }) => {
    await signIn(page, "consultant@example.com");
    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByRole("heading", { name: "Your clients" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rosa's Bakery", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Harbor Bikes", exact: true })).toHaveCount(0);
    await page.getByRole("link", { name: "Rosa's Bakery", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Rosa's Bakery" })).toBeVisible();
  });

  test("a client user lands on their own progress page", async ({ page }) => {
    await signIn(page, "client@example.com");
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByRole("heading", { name: "Rosa's Bakery" })).toBeVisible();
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "consultant3@example.com");
    await expect(page).toHaveURL(/\/clients$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/clients");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test("a wrong password and an unknown email get the same plain message", async ({ page }) => {
  await signIn(page, "consultant@example.com", "not-the-password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "nobody@example.com", "whatever-password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});

test.describe("what is not yours answers 404", () => {
  test("a client user asking for another client's page", async ({ browser }) => {
    const consultant2 = await pageAs(browser, "consultant2");
    const [otherClientId] = await clientIdsOnPage(consultant2);
    expect(otherClientId).toBeTruthy();
    const client = await pageAs(browser, "client");
    const res = await client.goto(`/clients/${otherClientId}`);
    expect(res?.status()).toBe(404);
    await expect(client.getByText("Rosa's Bakery")).toHaveCount(0);
    // ...and the owner still gets in.
    const ok = await consultant2.goto(`/clients/${otherClientId}`);
    expect(ok?.status()).toBe(200);
  });

  test("a consultant asking for an unassigned client, or for the portfolio", async ({ browser }) => {
    const consultant2 = await pageAs(browser, "consultant2");
    const theirs = await clientIdsOnPage(consultant2);
    const consultant = await pageAs(browser, "consultant");
    const mine = await clientIdsOnPage(consultant);
    expect(theirs.some((id) => mine.includes(id))).toBe(false);
    expect((await consultant.goto(`/clients/${theirs[0]}`))?.status()).toBe(404);
    expect((await consultant.goto("/portfolio"))?.status()).toBe(404);
    expect((await consultant.goto("/team"))?.status()).toBe(404);
    expect((await consultant.goto(`/clients/${mine[0]}`))?.status()).toBe(200);
  });

  test("a manager of firm two cannot see firm one's clients", async ({ browser }) => {
    const manager = await pageAs(browser, "manager");
    const firmOne = await clientIdsOnPage(manager);
    expect(firmOne.length).toBeGreaterThan(40);
    const other = await pageAs(browser, "other-manager");
    await expect(other).toHaveURL(/\/portfolio$/);
    const firmTwo = await clientIdsOnPage(other);
    expect(firmTwo.some((id) => firmOne.includes(id))).toBe(false);
    for (const id of firmOne.slice(0, 3)) {
      expect((await other.goto(`/clients/${id}`))?.status()).toBe(404);
    }
  });
});

test("a deactivated user's open session stops working at once", async ({ browser }) => {
  const victim = await freshPageAs(browser, "consultant4@example.com");
  await expect(victim).toHaveURL(/\/clients$/);
  const manager = await pageAs(browser, "manager");
  await manager.goto("/team");
  await manager.getByRole("button", { name: "Deactivate consultant4@example.com" }).click();
  await manager.getByRole("button", { name: "Confirm: Deactivate consultant4@example.com" }).click();
  await expect(manager.getByRole("button", { name: "Reactivate consultant4@example.com" })).toBeVisible();
  await victim.goto("/clients");
  await expect(victim).toHaveURL(/\/sign-in$/);
  await signIn(victim, "consultant4@example.com");
  await expect(victim.getByText("Wrong email or password.")).toBeVisible();
});

test("ten wrong passwords lock the account from this address, and the form says for how long", async ({ page }) => {
  // An address of its own is not possible in one browser: an account no other test uses instead.
  const email = "lockout-e2e@example.com";
  const attempt = async (password: string) => {
    // A fresh page each time: the form re-renders after each answer, and typing into it while
    // it does would race.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  for (let i = 0; i < 10; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await attempt("wrong-again");
  await expect(page.getByText(/Too many failed sign-ins for this account.*locked for 15 more minutes/)).toBeVisible();
});
