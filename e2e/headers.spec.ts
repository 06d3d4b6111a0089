import { expect, test } from "@playwright/test";

// Every page and API answer carries the headers that stop framing and MIME sniffing.
for (const path of ["/sign-in", "/api/health", "/api/v1/openapi.json"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
  });
}

test("health says only ok and the database kind", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(Object.keys(await res.json()).sort()).toEqual(["db", "ok"]);
});

test("pages carry a script CSP with a fresh nonce and run under it", async ({ page, request }) => {
  const policies: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/sign-in");
    const csp = res.headers()["content-security-policy"] ?? "";
    const script = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain("unsafe-inline");
    policies.push(script);
  }
  expect(policies[0]).not.toBe(policies[1]);

  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/sign-in");
  // Hydrated: the client-side form validation runs (an inline script blocked by the CSP would stop it).
  await page.waitForFunction(() => document.querySelectorAll("script[nonce]").length > 0);
  expect(violations).toEqual([]);
});
