import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./helpers";

// The manager's forms that name a client (reassign, invite a client user, the audit filter) take
// its name, with suggestions from the API as the manager types, instead of a list of every client:
// a 10,000-client firm made /team 4.4 MB and /audit 2.5 MB.

const unique = (name: string) => `${name} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function newClient(manager: Page, name: string): Promise<string> {
  await manager.goto("/clients/new");
  await manager.getByLabel("Name").fill(name);
  const lead = manager.getByLabel("Lead consultant");
  await lead.selectOption({ index: 1 });
  const leadName = (await lead.locator("option:checked").textContent())!.replace(/ \(.*\)$/, "");
  await manager.getByRole("button", { name: "Create client" }).click();
  await expect(manager).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  return leadName;
}

test("a manager reassigns, invites for and filters the audit by a client found by its name", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await pageAs(browser, "manager");
  const name = unique("E2E Picker Bakery");
  const from = await newClient(manager, name);

  // Reassign: part of the name brings the client among the suggestions; the full name picks it.
  await manager.goto("/team");
  const reassign = manager.getByRole("form", { name: "Reassign a client" });
  const field = reassign.getByLabel("Client", { exact: true });
  await field.fill(name.slice(0, -2).toLowerCase());
  await expect(reassign.locator(`datalist option[value="${name}"]`)).toHaveCount(1);
  await expect(reassign.locator("datalist option")).toHaveCount(1);
  await field.fill(name);
  const consultant = reassign.getByLabel("New lead consultant");
  await expect(consultant.getByRole("option", { name: `${from} (current lead)` })).toBeDisabled();
  const to = (await consultant.locator("option:not([disabled]):not([value=''])").first().textContent())!;
  await consultant.selectOption({ label: to });
  await reassign.getByRole("button", { name: "Reassign" }).click();
  await expect(reassign.getByText(`Move ${name} from ${from} to ${to}?`)).toBeVisible();
  await reassign.getByRole("button", { name: `Confirm: Reassign ${name}` }).click();
  await expect(manager.getByText(`${name} is now led by ${to}.`)).toBeVisible();
  await expect(field).toHaveValue("");

  // A name no client has is a field error.
  await field.fill(`${name} nobody`);
  await reassign.getByRole("button", { name: "Reassign" }).click();
  await expect(reassign.getByText("Choose the client to move.")).toBeVisible();

  // Invite the client's owner: the client by name; an unknown name is refused at the field.
  const invite = manager.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Name").fill("Pia Picker");
  await invite.getByLabel("Email").fill(`${Date.now().toString(36)}-owner@example.com`);
  await invite.getByLabel("Role").selectOption("client");
  const clientField = invite.getByLabel("Client (for a client user)");
  await clientField.fill(`${name} nobody`);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByText("No client has that name: type it again and choose it from the suggestions.")).toBeVisible();
  await expect(clientField).toHaveValue(`${name} nobody`);
  await clientField.fill(name.toUpperCase());
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(manager.getByTestId("invite-link")).toContainText("/invite/");

  // The audit filtered by the client's name (any case) lists its entries only.
  await manager.goto("/audit");
  await manager.getByLabel("Client", { exact: true }).fill(name.toLowerCase());
  await manager.getByRole("button", { name: "Apply" }).click();
  await expect(manager).toHaveURL(/clientName=/);
  const rows = manager.getByRole("table", { name: "Audit entries" }).locator("tbody tr");
  await expect(rows.filter({ hasText: "client.reassign" })).toHaveCount(1);
  for (const row of await rows.all()) await expect(row.getByRole("link", { name })).toBeVisible();
  await manager.getByLabel("Client", { exact: true }).fill(`${name} nobody`);
  await manager.getByRole("button", { name: "Apply" }).click();
  await expect(manager.getByText(`No client is called ${name} nobody.`)).toBeVisible();
  await expect(rows).toHaveCount(0);
});

test("the team and audit pages no longer carry a list of every client", async ({ browser }) => {
  const manager = await pageAs(browser, "manager");
  for (const path of ["/team", "/audit"]) {
    await manager.goto(path);
    // The demo firm's clients were each an <option> of one or two selects on these pages.
    await expect(manager.locator("option", { hasText: "Rosa's Bakery" }), path).toHaveCount(0);
  }
});
