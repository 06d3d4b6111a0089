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
