import { expect, test } from "@playwright/test";
import { pageAs } from "./helpers";

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("a consultant creates a client, finds it by search and filters, sorts, archives and unarchives it", async ({ browser }) => {
  const name = `E2E Willow Cafe ${suffix}`;
  const page = await pageAs(browser, "consultant");
  await expect(page).toHaveURL(/\/clients$/);
  await page.getByRole("link", { name: "New client" }).click();
  await expect(page.getByRole("heading", { name: "New client" })).toBeVisible();

  // An empty name is refused at the field.
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Enter the client's name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/Industry/).fill("Cafe");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // The same name in another case is a field error, and creates nothing.
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Your firm already has a client with this name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name.toUpperCase());

  // Search, then filters: all through the URL.
  await page.goto("/clients");
  await page.getByLabel("Search by name").fill(suffix.toUpperCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${suffix.toUpperCase()}`));
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rosa's Bakery", exact: true })).toHaveCount(0);
  await expect(page.getByText("1 client", { exact: true })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row.getByText("No stage yet")).toBeVisible();
  // Created a minute ago: a new client, not one with no check-in for 45 days.
  await expect(row.getByText("New client")).toBeVisible();

  await page.getByLabel("Search by name").fill("");
  await page.getByLabel("Stage", { exact: true }).selectOption("none");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await page.getByLabel("Stage", { exact: true }).selectOption("4");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

  // Sorting by stage, descending: the badges come out in non-increasing order, clients without a stage last.
  await page.goto("/clients");
  await page.getByRole("columnheader", { name: /^Stage/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=stage/);
  await expect(page.getByRole("columnheader", { name: /^Stage/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("columnheader", { name: /^Stage/ }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: /^Stage/ })).toHaveAttribute("aria-sort", "descending");
  const stages = await page.locator("tbody [data-stage]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-stage"))));
  expect(stages.length).toBeGreaterThan(2);
  expect(stages).toEqual([...stages].sort((a, b) => b - a));

  // Archive: gone from the list, visible under the Archived filter, and back again.
  await page.goto(`/clients?q=${encodeURIComponent(suffix)}`);
  await page.getByRole("button", { name: `Archive ${name}` }).click();
  await page.getByRole("button", { name: `Confirm archive ${name}` }).click();
  await expect(page.getByTestId("flash")).toContainText(name);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await expect(page.getByText("No clients match these filters")).toBeVisible();
  await page.getByLabel("Archived", { exact: true }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await page.getByRole("button", { name: `Unarchive ${name}` }).click();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.goto(`/clients?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});

test("a manager sees the consultant column and must choose the lead consultant", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "All clients" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Consultant/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Harbor Bikes", exact: true })).toBeVisible();

  const name = `E2E Managed Mill ${suffix}`;
  await page.goto("/clients/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Choose the lead consultant.")).toBeVisible();
  const tomOption = await page.getByLabel("Lead consultant").locator("option", { hasText: "consultant2@example.com" }).textContent();
  await page.getByLabel("Lead consultant").selectOption({ label: tomOption! });
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);

  // Tom (consultant2) now sees it; Priya does not.
  const tom = await pageAs(browser, "consultant2");
  await tom.goto(`/clients?q=${encodeURIComponent(suffix)}`);
  await expect(tom.getByRole("link", { name, exact: true })).toBeVisible();
  const priya = await pageAs(browser, "consultant");
  await priya.goto(`/clients?q=${encodeURIComponent(name)}`);
  await expect(priya.getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("a page asks the server for no other page until the user reaches for a link; a client's name still opens its page", async ({ browser }) => {
  // A bare <Link> prefetches its page as it scrolls into view: the client list asked for one client
  // page per visible row (each loads the client's history above its loading state) and the menu
  // for every section on every page load. Now rows never prefetch (RowLink) and the rest only on
  // hover, focus or touch (IntentLink).
  for (const who of ["consultant", "manager"] as const) {
    const page = await pageAs(browser, who);
    const asked: string[] = [];
    const inFlight = new Set<string>();
    page.on("request", (r) => {
      const url = new URL(r.url());
      inFlight.add(r.url());
      if (url.searchParams.has("_rsc") || r.headers()["rsc"] === "1") asked.push(url.pathname);
    });
    page.on("requestfinished", (r) => inFlight.delete(r.url()));
    page.on("requestfailed", (r) => inFlight.delete(r.url()));
    await page.goto("/clients");
    const names = page.locator("main a[href^='/clients/'][href*='-']").filter({ visible: true });
    await expect(names.first()).toBeVisible();
    expect(await names.count()).toBeGreaterThan(5);

    // Reaching for a menu link prefetches that page. It also shows that the page is hydrated: from
    // here on, a row link that prefetched as it came into view would already have asked.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).hover();
    await expect.poll(() => asked.includes("/import"), { message: `${who}: hovering Import prefetches it` }).toBe(true);

    // Scrolling the whole list through the screen asks for nothing either. (Not "networkidle":
    // it waits for every connection the browser opens, and once waited out the test's minute.)
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(1500);
    await page.mouse.wheel(0, -5000);
    await page.waitForTimeout(500);
    expect(asked.filter((p) => p !== "/import"), `${who}: requests for other pages after loading /clients`).toEqual([]);
    if (inFlight.size > 0) console.log(`${who}: requests still open on /clients after 2 s: ${[...inFlight].join(", ")}`);

    // A client's name navigates in place.
    const first = names.first();
    const href = (await first.getAttribute("href"))!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    expect(asked).toContain(href);
    await page.context().close();
  }
});
