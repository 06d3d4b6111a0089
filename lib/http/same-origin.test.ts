import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin, requestHost, trustsProxy } from "./same-origin";

const req = (headers: Record<string, string>, url = "http://app.test/import/preview") => new Request(url, { method: "POST", headers });

describe("isSameOrigin", () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });

  it("accepts our own Origin, and requests without Origin or Sec-Fetch-Site", () => {
    expect(isSameOrigin(req({ host: "app.test", origin: "http://app.test" }))).toBe(true);
    expect(isSameOrigin(req({ host: "app.test:3000", origin: "http://APP.test:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "app.test" }))).toBe(true);
    expect(isSameOrigin(req({ host: "app.test", "sec-fetch-site": "same-origin", origin: "http://app.test" }))).toBe(true);
    expect(isSameOrigin(req({ host: "app.test", "sec-fetch-site": "none" }))).toBe(true);
  });

  it("refuses a foreign, opaque or garbled Origin, another port, and cross-site or same-site fetches", () => {
    expect(isSameOrigin(req({ host: "app.test", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "app.test", origin: "null" }))).toBe(false);
    expect(isSameOrigin(req({ host: "app.test", origin: "not a url" }))).toBe(false);
    expect(isSameOrigin(req({ host: "app.test", origin: "http://app.test:8080" }))).toBe(false);
    expect(isSameOrigin(req({ host: "app.test", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(req({ host: "app.test", "sec-fetch-site": "same-site" }))).toBe(false);
    // Sec-Fetch-Site wins over an Origin that happens to match.
    expect(isSameOrigin(req({ host: "app.test", origin: "http://app.test", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("ignores X-Forwarded-Host unless TRUST_PROXY is set", () => {
    delete process.env.TRUST_PROXY;
    const spoofed = req({ host: "app.test", "x-forwarded-host": "evil.example", origin: "https://evil.example" });
    expect(requestHost(spoofed)).toBe("app.test");
    expect(isSameOrigin(spoofed)).toBe(false);
    process.env.TRUST_PROXY = "1";
    const proxied = req({ host: "internal:3000", "x-forwarded-host": "stageline.example.com, internal", origin: "https://stageline.example.com" });
    expect(requestHost(proxied)).toBe("stageline.example.com");
    expect(isSameOrigin(proxied)).toBe(true);
    expect(isSameOrigin(req({ host: "internal:3000", "x-forwarded-host": "stageline.example.com", origin: "http://internal:3000" }))).toBe(false);
  });

  it("reads TRUST_PROXY as a yes/no switch", () => {
    expect(trustsProxy("1")).toBe(true);
    expect(trustsProxy(" TRUE ")).toBe(true);
    expect(trustsProxy("yes")).toBe(true);
    expect(trustsProxy("0")).toBe(false);
    expect(trustsProxy("")).toBe(false);
  });
});
